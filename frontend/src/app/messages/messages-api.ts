import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ConversationPage, MessagingSide, SentMessage, ThreadPage } from './messages-types';

/** The signed-in parent's or childminder's conversations. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  private base(side: MessagingSide): string {
    return `/api/dashboard/${side}/messages`;
  }

  conversations(side: MessagingSide): Observable<ConversationPage> {
    return this.http.get<ConversationPage>(this.base(side), { params: new HttpParams().set('pageSize', 100) });
  }

  thread(side: MessagingSide, conversationId: string, cursor?: string | null): Observable<ThreadPage> {
    let params = new HttpParams().set('conversationId', conversationId).set('limit', 30);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ThreadPage>(`${this.base(side)}/conversation`, { params });
  }

  send(
    side: MessagingSide,
    body: { conversationId?: string; recipientId?: string; text: string },
  ): Observable<SentMessage> {
    return this.http.post<SentMessage>(`${this.base(side)}/send`, body);
  }
}
