import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { ChildPage, ChildResponse, CreateChildRequest, UpdateChildRequest } from './child-types';

/** The signed-in parent's children. A parent has at most 20, so one page of 100 holds them all. */
@Injectable({ providedIn: 'root' })
export class ChildrenApi {
  private readonly api = inject(ApiClient);

  list(): Observable<ChildPage> {
    return this.api.get('/api/dashboard/parent/children', { query: { pageSize: 100 } });
  }

  create(body: CreateChildRequest): Observable<ChildResponse> {
    return this.api.post('/api/dashboard/parent/children', { body });
  }

  update(id: string, body: UpdateChildRequest): Observable<ChildResponse> {
    return this.api.patch('/api/dashboard/parent/children/{id}', { path: { id }, body });
  }

  remove(id: string): Observable<void> {
    return this.api.delete('/api/dashboard/parent/children/{id}', { path: { id } });
  }
}
