import { HttpClient, HttpEventType, HttpRequest, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { filter, map, type Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { OwnCompliance } from '@core/api/api-types';
import type { DocumentFields, DocumentPage, DocumentResponse } from './document-types';

const BASE = '/api/user/documents' as const;

/** Progress of an upload: a percentage while sending, then the created document. */
export type UploadProgress = { kind: 'progress'; percent: number } | { kind: 'done'; document: DocumentResponse };

/** The signed-in childminder's documents. At most 50, so one page of 100 holds them all. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  list(): Observable<DocumentPage> {
    return this.api.get(BASE, { query: { pageSize: 100 } });
  }

  /** Sends the fields first, then the file, and reports upload progress (HttpClient: the typed client has no progress). */
  upload(fields: DocumentFields, file: File): Observable<UploadProgress> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value !== null && value !== undefined && value !== '') body.append(name, String(value));
    }
    body.append('file', file, file.name);
    const request = new HttpRequest('POST', BASE, body, { reportProgress: true });
    return this.http.request<DocumentResponse>(request).pipe(
      filter((event: HttpEvent<DocumentResponse>) =>
        [HttpEventType.UploadProgress, HttpEventType.Response].includes(event.type),
      ),
      map((event): UploadProgress => {
        if (event.type === HttpEventType.UploadProgress) {
          return { kind: 'progress', percent: event.total ? Math.round((100 * event.loaded) / event.total) : 0 };
        }
        if (event.type === HttpEventType.Response) return { kind: 'done', document: event.body! };
        return { kind: 'progress', percent: 0 };
      }),
    );
  }

  /** The checklist of requirements with each one's state, the overall status and the public badges. */
  compliance(): Observable<OwnCompliance> {
    return this.api.get('/api/user/compliance');
  }

  remove(id: string): Observable<void> {
    return this.api.delete('/api/user/documents/{documentId}', { path: { documentId: id } });
  }

  /** The file itself (the access token goes in the header, so it is fetched, not linked). */
  download(document: DocumentResponse): Observable<Blob> {
    return this.http.get(document.downloadUrl, { responseType: 'blob' });
  }
}

/** Saves a blob under a file name, the way a download link would. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
