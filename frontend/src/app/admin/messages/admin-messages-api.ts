import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AdminConversationPage, AdminMessageSearchPage, AdminThread } from '@core/api/api-types';

export interface AdminConversationFilter {
  userId?: string | null;
  /** ISO instants. */
  from?: string | null;
  to?: string | null;
  page: number;
  pageSize: number;
}

const BASE = '/api/admin/messages';

/** Private conversations as admins see them; every read and search is audited by the server. */
@Injectable({ providedIn: 'root' })
export class AdminMessagesApi {
  private readonly http = inject(HttpClient);

  conversations(filter: AdminConversationFilter): Observable<AdminConversationPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    if (filter.userId) params = params.set('userId', filter.userId);
    if (filter.from) params = params.set('from', filter.from);
    if (filter.to) params = params.set('to', filter.to);
    return this.http.get<AdminConversationPage>(BASE, { params });
  }

  conversation(conversationId: string, cursor?: string | null): Observable<AdminThread> {
    let params = new HttpParams().set('conversationId', conversationId).set('limit', 50);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<AdminThread>(`${BASE}/conversation`, { params });
  }

  search(q: string, page: number, pageSize: number): Observable<AdminMessageSearchPage> {
    return this.http.get<AdminMessageSearchPage>(`${BASE}/search`, {
      params: new HttpParams().set('q', q).set('page', page).set('pageSize', pageSize),
    });
  }
}
