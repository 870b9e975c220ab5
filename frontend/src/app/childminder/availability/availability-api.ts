import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AvailabilityBlock, AvailabilityBlockPage, AvailabilityBlockRequest } from '@core/api/api-types';

const BASE = '/api/dashboard/childminder/availability';

/** The signed-in childminder's availability blocks and time off. */
@Injectable({ providedIn: 'root' })
export class AvailabilityApi {
  private readonly http = inject(HttpClient);

  /** Blocks that may occur between two UK dates (YYYY-MM-DD). */
  list(from: string, to: string): Observable<AvailabilityBlockPage> {
    const params = new HttpParams().set('from', from).set('to', to).set('page', 1).set('pageSize', 100);
    return this.http.get<AvailabilityBlockPage>(BASE, { params });
  }

  get(id: string): Observable<AvailabilityBlock> {
    return this.http.get<AvailabilityBlock>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(body: AvailabilityBlockRequest): Observable<AvailabilityBlock> {
    return this.http.post<AvailabilityBlock>(BASE, body);
  }

  replace(id: string, body: AvailabilityBlockRequest): Observable<AvailabilityBlock> {
    return this.http.put<AvailabilityBlock>(`${BASE}/${encodeURIComponent(id)}`, body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`);
  }
}
