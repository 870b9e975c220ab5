import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ChildPage, ChildResponse, CreateChildRequest, UpdateChildRequest } from './child-types';

const BASE = '/api/dashboard/parent/children';

/** The signed-in parent's children. A parent has at most 20, so one page of 100 holds them all. */
@Injectable({ providedIn: 'root' })
export class ChildrenApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ChildPage> {
    return this.http.get<ChildPage>(BASE, { params: new HttpParams().set('pageSize', 100) });
  }

  create(body: CreateChildRequest): Observable<ChildResponse> {
    return this.http.post<ChildResponse>(BASE, body);
  }

  update(id: string, body: UpdateChildRequest): Observable<ChildResponse> {
    return this.http.patch<ChildResponse>(`${BASE}/${encodeURIComponent(id)}`, body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`);
  }
}
