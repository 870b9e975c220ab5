import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { AvailabilityBlock, AvailabilityBlockPage, AvailabilityBlockRequest } from '@core/api/api-types';

/** The signed-in childminder's availability blocks and time off. */
@Injectable({ providedIn: 'root' })
export class AvailabilityApi {
  private readonly api = inject(ApiClient);

  /** Blocks that may occur between two UK dates (YYYY-MM-DD). */
  list(from: string, to: string): Observable<AvailabilityBlockPage> {
    return this.api.get('/api/dashboard/childminder/availability', { query: { from, to, page: 1, pageSize: 100 } });
  }

  get(id: string): Observable<AvailabilityBlock> {
    return this.api.get('/api/dashboard/childminder/availability/{id}', { path: { id } });
  }

  create(body: AvailabilityBlockRequest): Observable<AvailabilityBlock> {
    return this.api.post('/api/dashboard/childminder/availability', { body });
  }

  replace(id: string, body: AvailabilityBlockRequest): Observable<AvailabilityBlock> {
    return this.api.put('/api/dashboard/childminder/availability/{id}', { path: { id }, body });
  }

  remove(id: string): Observable<void> {
    return this.api.delete('/api/dashboard/childminder/availability/{id}', { path: { id } });
  }
}
