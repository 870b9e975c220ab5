import { Injectable, inject } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { Observable, firstValueFrom, share } from 'rxjs';
import type { RealtimeEnvelope, RealtimeEventType } from './realtime-events';

const EVENT_TYPES: readonly RealtimeEventType[] = [
  'message.created',
  'conversation.read',
  'notification.created',
  'notifications.read',
  'backup.progress',
];
const RETRY_MS = 3000;

/**
 * The signed-in user's live events over SSE. EventSource cannot send the access token, so each
 * connection first gets a single-use ticket; after a drop it reconnects with a fresh ticket and
 * the last event id, and the server replays what was missed. Every subscriber in the tab (the
 * header's bell, the messages page) shares one connection, open while anyone listens.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeStream {
  private readonly api = inject(ApiClient);
  private readonly shared = this.connect().pipe(share({ resetOnRefCountZero: true }));

  /** The signed-in user's events; subscribe only while signed in. */
  events(): Observable<RealtimeEnvelope> {
    return this.shared;
  }

  private connect(): Observable<RealtimeEnvelope> {
    return new Observable<RealtimeEnvelope>((subscriber) => {
      let source: EventSource | null = null;
      let lastEventId: string | null = null;
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const connect = async () => {
        if (closed) return;
        try {
          const { ticket } = await firstValueFrom(this.api.post('/api/messages/sse/ticket'));
          if (closed) return;
          const params = new URLSearchParams({ ticket });
          if (lastEventId) params.set('lastEventId', lastEventId);
          source = new EventSource(`/api/messages/sse?${params.toString()}`);
          source.onopen = () =>
            subscriber.next({ id: '', type: 'stream.connected', data: {}, createdAt: new Date().toISOString() });
          for (const type of EVENT_TYPES) {
            source.addEventListener(type, (event) => {
              const message = event as MessageEvent<string>;
              lastEventId = message.lastEventId || lastEventId;
              subscriber.next(JSON.parse(message.data) as RealtimeEnvelope);
            });
          }
          // A ticket works once, so the browser's own retry would be refused: reconnect ourselves.
          source.onerror = () => {
            source?.close();
            retry();
          };
        } catch {
          retry();
        }
      };
      const retry = () => {
        if (!closed) timer = setTimeout(() => void connect(), RETRY_MS);
      };

      void connect();
      return () => {
        closed = true;
        clearTimeout(timer);
        source?.close();
      };
    });
  }
}
