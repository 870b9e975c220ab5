import type { AppNotification, ConversationMessage } from '@core/api/api-types';

/**
 * What the realtime stream (SSE and socket.io) delivers. Not part of the OpenAPI document (events,
 * not responses): these mirror backend/src/modules/realtime/realtime-events.ts.
 */
export interface RealtimeEventMap {
  'message.created': { conversationId: string; message: ConversationMessage };
  'conversation.read': { conversationId: string; readerId: string; readUpTo: string | null };
  'notification.created': { notification: AppNotification; unreadCount: number };
  'notifications.read': { notificationIds: string[]; all: boolean; readAt: string; unreadCount: number };
  /** A backup or restore the signed-in admin started moved on. */
  'backup.progress': {
    run: { id: string; kind: string; status: string; progress: number; phase: string; error: string | null };
  };
}

export type RealtimeEventType = keyof RealtimeEventMap;

export type RealtimeEnvelope =
  | {
      [T in RealtimeEventType]: { id: string; type: T; data: RealtimeEventMap[T]; createdAt: string };
    }[RealtimeEventType]
  | StreamConnected;

/**
 * Not from the server: the stream tells its subscribers each time it has (re)connected, so that
 * what they loaded before it was listening (the bell's count) can be read again: an event sent
 * between that load and the connection would otherwise be missed.
 */
export interface StreamConnected {
  id: '';
  type: 'stream.connected';
  data: Record<string, never>;
  createdAt: string;
}
