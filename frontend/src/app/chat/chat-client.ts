import { Injectable, inject, signal } from '@angular/core';
import { ApiClient, type ApiQuery } from '@core/api/api-client';
import { Observable, Subject, firstValueFrom } from 'rxjs';
import type { Socket } from 'socket.io-client';
import type {
  CannedReplies,
  ChatAgents,
  ChatMessage,
  ChatMessages,
  ChatNotifications,
  ChatSessionAction,
  ChatSessionDetail,
  ChatSessionPage,
} from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';

/**
 * What arrives on the chat's socket. `chat.message` and `chat.session` are stored realtime
 * events (envelopes, like SSE); `chat.typing` and `chat.read` are relayed signals, never stored.
 * These mirror backend/src/modules/chat/chat.gateway.ts and realtime-events.ts.
 */
export type ChatLiveEvent =
  | { type: 'chat.message'; sessionId: string; message: ChatMessage }
  | { type: 'chat.session'; sessionId: string; state: string; agentId: string | null; change: string }
  | { type: 'chat.typing'; sessionId: string; userId: string; typing: boolean }
  | { type: 'chat.read'; sessionId: string; userId: string; upTo: number }
  /** Staff only: a ticket was opened, answered or changed (no text; the console loads it). */
  | ({ type: 'support.ticket' } & SupportTicketChange)
  /** Not from the server: the socket (re)connected, so anything missed meanwhile should be fetched. */
  | { type: 'connected' };

/** Mirrors RealtimeSupportTicketPayload in backend/src/modules/realtime/realtime-events.ts. */
export interface SupportTicketChange {
  ticketId: string;
  number: string;
  status: string;
  change: 'created' | 'requester-replied' | 'agent-replied' | 'note' | 'updated' | 'deleted';
  actorId: string | null;
}

type Ack<T> = { ok: true; data: T } | { ok: false; error: { statusCode: number; code: string; message: string } };

/**
 * The live chat for the widget and the agent console: REST calls, and one socket.io connection
 * (shared while anyone uses it) that reconnects by itself with a fresh access token. socket.io's
 * client is loaded only when a chat is first used.
 */
@Injectable({ providedIn: 'root' })
export class ChatClient {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly live = new Subject<ChatLiveEvent>();
  private socket: Socket | null = null;
  private users = 0;
  private readonly online = signal(false);

  /** Whether the socket is connected now (the widget says "reconnecting" otherwise). */
  readonly connected = this.online.asReadonly();
  readonly events: Observable<ChatLiveEvent> = this.live.asObservable();

  /** Starts (or shares) the socket; call `release` when done. */
  async use(): Promise<void> {
    this.users++;
    if (this.socket) return;
    const { io } = await import('socket.io-client');
    if (this.socket || this.users === 0) return;
    const socket = io({
      path: '/api/socketio',
      transports: ['websocket', 'polling'],
      // Read on every (re)connection attempt, so a refreshed token is used.
      auth: (send) => send({ token: this.auth.accessToken() ?? '' }),
    });
    this.socket = socket;
    socket.on('ready', () => {
      this.online.set(true);
      this.live.next({ type: 'connected' });
    });
    socket.on('disconnect', () => this.online.set(false));
    socket.on('unauthorized', () => {
      // The access token expired: refresh it, then try again (socket.io reads the new one).
      this.auth.refresh().subscribe({
        next: () => socket.connect(),
        error: () => undefined,
      });
    });
    socket.on('chat.message', (envelope: { data: { sessionId: string; message: ChatMessage } }) =>
      this.live.next({ type: 'chat.message', ...envelope.data }),
    );
    socket.on(
      'chat.session',
      (envelope: { data: { sessionId: string; state: string; agentId: string | null; change: string } }) =>
        this.live.next({ type: 'chat.session', ...envelope.data }),
    );
    socket.on('support.ticket', (envelope: { data: SupportTicketChange }) =>
      this.live.next({ type: 'support.ticket', ...envelope.data }),
    );
    socket.on('chat.typing', (signal: { sessionId: string; userId: string; typing: boolean }) =>
      this.live.next({ type: 'chat.typing', ...signal }),
    );
    socket.on('chat.read', (signal: { sessionId: string; userId: string; upTo: number }) =>
      this.live.next({ type: 'chat.read', ...signal }),
    );
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0 || !this.socket) return;
    this.socket.disconnect();
    this.socket = null;
    this.online.set(false);
  }

  /** Sends over the socket when connected (REST otherwise); both store the message the same way. */
  async send(sessionId: string, text: string): Promise<ChatMessage> {
    if (this.socket?.connected) {
      const ack = (await this.socket.timeout(10_000).emitWithAck('chat:send', { sessionId, text })) as Ack<ChatMessage>;
      if (ack.ok) return ack.data;
      throw Object.assign(new Error(ack.error.message), { code: ack.error.code, status: ack.error.statusCode });
    }
    return firstValueFrom(this.api.post('/api/chat/messages', { body: { sessionId, text } }));
  }

  typing(sessionId: string, typing: boolean): void {
    this.socket?.emit('chat:typing', { sessionId, typing });
  }

  markRead(sessionId: string, upTo: number): void {
    this.socket?.emit('chat:read', { sessionId, upTo });
  }

  messages(sessionId: string, after = 0): Observable<ChatMessages> {
    return this.api.get('/api/chat/messages', { query: { sessionId, after } });
  }

  sessions(query: ApiQuery<'/api/chat/sessions', 'get'> = {}): Observable<ChatSessionPage> {
    return this.api.get('/api/chat/sessions', { query });
  }

  session(id: string): Observable<ChatSessionDetail> {
    return this.api.get('/api/chat/sessions/{id}', { path: { id } });
  }

  start(message?: string): Observable<ChatSessionDetail> {
    return this.api.post('/api/chat/sessions', { body: message ? { message } : {} });
  }

  act(
    id: string,
    action: ChatSessionAction,
    extra: { message?: string; rating?: number; comment?: string } = {},
  ): Observable<ChatSessionDetail> {
    return this.api.patch('/api/chat/sessions/{id}', { path: { id }, body: { action, ...extra } });
  }

  notifications(): Observable<ChatNotifications> {
    return this.api.get('/api/chat/notifications');
  }

  agents(): Observable<ChatAgents> {
    return this.api.get('/api/chat/agents');
  }

  transfer(sessionId: string, agentId: string, note?: string): Observable<ChatSessionDetail> {
    return this.api.post('/api/chat/transfer', { body: { sessionId, agentId, ...(note ? { note } : {}) } });
  }

  cannedReplies(): Observable<CannedReplies> {
    return this.api.get('/api/chat/canned-replies');
  }

  saveCannedReplies(replies: { title: string; text: string }[]): Observable<CannedReplies> {
    return this.api.put('/api/chat/canned-replies', { body: { replies } });
  }
}
