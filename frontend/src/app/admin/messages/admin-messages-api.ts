import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { AdminConversationPage, AdminMessageSearchPage, AdminThread } from '@core/api/api-types';

export interface AdminConversationFilter {
  userId?: string | null;
  /** ISO instants. */
  from?: string | null;
  to?: string | null;
  page: number;
  pageSize: number;
}

/** Private conversations as admins see them; every read and search is audited by the server. */
@Injectable({ providedIn: 'root' })
export class AdminMessagesApi {
  private readonly api = inject(ApiClient);

  conversations(filter: AdminConversationFilter): Observable<AdminConversationPage> {
    const { page, pageSize, userId, from, to } = filter;
    return this.api.get('/api/admin/messages', {
      query: { page, pageSize, userId: userId || undefined, from: from || undefined, to: to || undefined },
    });
  }

  conversation(conversationId: string, cursor?: string | null): Observable<AdminThread> {
    return this.api.get('/api/admin/messages/conversation', {
      query: { conversationId, limit: 50, cursor: cursor || undefined },
    });
  }

  search(q: string, page: number, pageSize: number): Observable<AdminMessageSearchPage> {
    return this.api.get('/api/admin/messages/search', { query: { q, page, pageSize } });
  }
}
