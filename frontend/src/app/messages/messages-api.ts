import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { ConversationPage, MessagingSide, SentMessage, ThreadPage } from './messages-types';

/** The signed-in parent's or childminder's conversations. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly api = inject(ApiClient);

  conversations(side: MessagingSide): Observable<ConversationPage> {
    return this.api.get(`/api/dashboard/${side}/messages`, { query: { pageSize: 100 } });
  }

  thread(side: MessagingSide, conversationId: string, cursor?: string | null): Observable<ThreadPage> {
    return this.api.get(`/api/dashboard/${side}/messages/conversation`, {
      query: { conversationId, limit: 30, cursor: cursor || undefined },
    });
  }

  send(
    side: MessagingSide,
    body: { conversationId?: string; recipientId?: string; text: string },
  ): Observable<SentMessage> {
    return this.api.post(`/api/dashboard/${side}/messages/send`, { body });
  }
}
