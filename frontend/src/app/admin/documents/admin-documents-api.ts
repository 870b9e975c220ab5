import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, apiParams } from '@core/api/api-client';
import type {
  AdminDocument,
  AdminDocumentPage,
  DocumentStatus,
  DocumentType,
} from '../../childminder/documents/document-types';

export type { AdminDocument, AdminDocumentPage };

export interface AdminDocumentFilter {
  status?: DocumentStatus | '';
  type?: DocumentType | '';
  expiringWithinDays?: number | null;
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AdminDocumentsApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  list(filter: AdminDocumentFilter): Observable<AdminDocumentPage> {
    return this.api.get('/api/admin/documents', {
      query: {
        page: filter.page,
        pageSize: filter.pageSize,
        status: filter.status || undefined,
        type: filter.type || undefined,
        expiringWithinDays: filter.expiringWithinDays ?? undefined,
      },
    });
  }

  setStatus(documentId: string, status: DocumentStatus, reason?: string | null): Observable<AdminDocument> {
    return this.api.patch('/api/admin/documents/status', { body: { documentId, status, reason: reason ?? null } });
  }

  /** The file (each admin download is audited by the server). */
  file(documentId: string): Observable<Blob> {
    return this.http.get('/api/admin/documents/download', { params: apiParams({ documentId }), responseType: 'blob' });
  }
}
