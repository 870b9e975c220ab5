/**
 * Shapes of the messaging API. TODO: replace with the generated types once `npm run api:types`
 * has been run with the messaging module wired in (STYLE 19); these mirror
 * backend/src/modules/messaging/dto/messaging.response.ts.
 */
export type MessagingSide = 'parent' | 'childminder';

export interface MessageItem {
  id: string;
  conversationId: string;
  senderId: string;
  text: string;
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  otherParty: { id: string; name: string; role: string };
  lastMessage: MessageItem | null;
  unreadCount: number;
  blocked: boolean;
  blockedByMe: boolean;
  lastMessageAt: string | null;
}

export interface ConversationPage {
  items: ConversationSummary[];
  total: number;
  page: number;
  pageSize: number;
  unreadTotal: number;
}

export interface ThreadPage {
  conversation: ConversationSummary;
  items: MessageItem[];
  nextCursor: string | null;
}

export interface SentMessage {
  message: MessageItem;
  conversation: ConversationSummary;
}

export interface RealtimeEnvelope {
  id: string;
  type: 'message.created' | 'conversation.read' | 'notification.created';
  data: { conversationId?: string; message?: MessageItem; readerId?: string };
  createdAt: string;
}
