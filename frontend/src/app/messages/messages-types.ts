export type {
  ConversationMessage as MessageItem,
  ConversationPage,
  ConversationSummary,
  SentMessage,
  ThreadPage,
} from '@core/api/api-types';

export type MessagingSide = 'parent' | 'childminder';
