/**
 * Every event the realtime module delivers, by name, with its payload. Publishers name a type
 * from this map and the compiler checks the payload; SSE streams and socket.io rooms receive the
 * same envelope.
 */
export interface RealtimeMessagePayload {
  id: string;
  conversationId: string;
  senderId: string;
  text: string;
  createdAt: string;
}

export interface RealtimeNotificationPayload {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

/** A booking changed status, times or notes: both sides refresh it. */
export interface RealtimeBookingPayload {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
}

/** A backup or restore moved on: the admin who started it sees the progress bar advance. */
export interface RealtimeBackupProgressPayload {
  id: string;
  kind: string;
  status: string;
  progress: number;
  phase: string;
  error: string | null;
}

/** A live chat line (chat module); `id` orders a session's messages and is the catch-up cursor. */
export interface RealtimeChatMessagePayload {
  id: number;
  sessionId: string;
  sender: string;
  senderId: string | null;
  senderName: string | null;
  text: string;
  createdAt: string;
}

/** A live chat changed (assigned, transferred, closed, reopened, rated) or the queue moved: clients refresh it. */
export interface RealtimeChatSessionPayload {
  sessionId: string;
  state: string;
  agentId: string | null;
  /** What happened, e.g. `assigned`, `transferred`, `closed`, `queued`. */
  change: string;
}

/**
 * A support ticket changed, for the agents' console (inbox and ticket page refresh). Sent to staff
 * only, never to the requester, and it carries no text: not a reply's nor an internal note's.
 */
export interface RealtimeSupportTicketPayload {
  ticketId: string;
  number: string;
  status: string;
  /** `created`, `requester-replied`, `agent-replied`, `note`, `updated` or `deleted`. */
  change: string;
  /** Who did it (null: the contact form), so the console does not announce an agent's own change to them. */
  actorId: string | null;
}

export interface RealtimeEventMap {
  'message.created': { conversationId: string; message: RealtimeMessagePayload };
  'conversation.read': { conversationId: string; readerId: string; readUpTo: string | null };
  'notification.created': { notification: RealtimeNotificationPayload; unreadCount: number };
  /** Entries became read (`all`: every entry up to `readAt`); the bell shows `unreadCount`. */
  'notifications.read': { notificationIds: string[]; all: boolean; readAt: string; unreadCount: number };
  'booking.updated': { booking: RealtimeBookingPayload };
  'backup.progress': { run: RealtimeBackupProgressPayload };
  'chat.message': { sessionId: string; message: RealtimeChatMessagePayload };
  'chat.session': RealtimeChatSessionPayload;
  'support.ticket': RealtimeSupportTicketPayload;
}

export type RealtimeEventType = keyof RealtimeEventMap;

/** What a publisher hands over: a type and its payload, checked together. */
export type RealtimeEvent = { [T in RealtimeEventType]: { type: T; data: RealtimeEventMap[T] } }[RealtimeEventType];

export const REALTIME_EVENT_TYPES: readonly RealtimeEventType[] = [
  'message.created',
  'conversation.read',
  'notification.created',
  'notifications.read',
  'booking.updated',
  'backup.progress',
  'chat.message',
  'chat.session',
  'support.ticket',
];

/** What a client receives: the stored event's id (the SSE `id:`, for Last-Event-ID), its type and payload. */
export interface RealtimeEnvelope<T extends RealtimeEventType = RealtimeEventType> {
  id: string;
  type: T;
  data: RealtimeEventMap[T];
  createdAt: string;
}

/** One envelope for one user, as it travels between instances. */
export interface RealtimeDelivery {
  userId: string;
  envelope: RealtimeEnvelope;
}

export const userRoom = (userId: string) => `user:${userId}`;

export const isRealtimeEventType = (name: unknown): name is RealtimeEventType =>
  REALTIME_EVENT_TYPES.includes(name as RealtimeEventType);

/** What the socket.io gateway emits: every realtime event by its name with its envelope, and the handshake's outcome. */
export type RealtimeSocketEvents = { [T in RealtimeEventType]: (envelope: RealtimeEnvelope<T>) => void } & {
  ready: (info: { userId: string }) => void;
  unauthorized: (error: { message: string }) => void;
};
