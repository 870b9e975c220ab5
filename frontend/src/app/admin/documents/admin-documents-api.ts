import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { DocumentResponse, DocumentStatus, DocumentType } from '../../childminder/documents/document-types';

/** A document as an admin reviews it: with its owner. */
export interface AdminDocument extends DocumentResponse {
  owner: { id: string; displayName: string; email: string } | null;
  reviewedById: string | null;
}

export interface AdminDocumentPage {
  items: AdminDocument[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminDocumentFilter {
  status?: DocumentStatus | '';
  type?: DocumentType | '';
  expiringWithinDays?: number | null;
  page: number;
  pageSize: number;
}

const BASE = '/api/admin/documents';

@Injectable({ providedIn: 'root' })
export class AdminDocumentsApi {
  private readonly http = inject(HttpClient);

  list(filter: AdminDocumentFilter): Observable<AdminDocumentPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    if (filter.status) params = params.set('status', filter.status);
    if (filter.type) params = params.set('type', filter.type);
    if (filter.expiringWithinDays !== null && filter.expiringWithinDays !== undefined) {
      params = params.set('expiringWithinDays', filter.expiringWithinDays);
    }
    return this.http.get<AdminDocumentPage>(BASE, { params });
  }

  setStatus(documentId: string, status: DocumentStatus, reason?: string | null): Observable<AdminDocument> {
    return this.http.patch<AdminDocument>(`${BASE}/status`, { documentId, status, reason: reason ?? null });
  }

  /** The file (each admin download is audited by the server). */
  file(documentId: string): Observable<Blob> {
    return this.http.get(`${BASE}/download`, {
      params: new HttpParams().set('documentId', documentId),
      responseType: 'blob',
    });
  }
}
