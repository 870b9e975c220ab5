import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum MessagingErrorCode {
  /** No such conversation, or not one the caller takes part in: never told apart. */
  ConversationNotFound = 'CONVERSATION_NOT_FOUND',
  /** A parent wrote to someone who is not an active childminder. */
  RecipientNotFound = 'MESSAGE_RECIPIENT_NOT_FOUND',
  /** A childminder tried to start a conversation: they may only reply to parents who wrote first. */
  CannotStartConversation = 'CONVERSATION_START_NOT_ALLOWED',
  Blocked = 'CONVERSATION_BLOCKED',
  /** Only the one who blocked a conversation can unblock it. */
  NotBlocker = 'CONVERSATION_NOT_BLOCKED_BY_YOU',
  /** Neither or both of recipientId and conversationId. */
  TargetRequired = 'MESSAGE_TARGET_REQUIRED',
  InvalidCursor = 'MESSAGE_CURSOR_INVALID',
  SearchTooShort = 'MESSAGE_SEARCH_TOO_SHORT',
  /** Another run of the message digest holds the job's lease. */
  DigestBusy = 'MESSAGE_DIGEST_BUSY',
}

export class MessagingException extends defineDomainException<MessagingErrorCode>('MessagingException', {
  [MessagingErrorCode.ConversationNotFound]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.RecipientNotFound]: HttpStatus.NOT_FOUND,
  [MessagingErrorCode.CannotStartConversation]: HttpStatus.FORBIDDEN,
  [MessagingErrorCode.Blocked]: HttpStatus.FORBIDDEN,
  [MessagingErrorCode.NotBlocker]: HttpStatus.FORBIDDEN,
  [MessagingErrorCode.TargetRequired]: HttpStatus.BAD_REQUEST,
  [MessagingErrorCode.InvalidCursor]: HttpStatus.BAD_REQUEST,
  [MessagingErrorCode.SearchTooShort]: HttpStatus.BAD_REQUEST,
  [MessagingErrorCode.DigestBusy]: HttpStatus.CONFLICT,
}) {}

export const conversationNotFound = () =>
  new MessagingException(MessagingErrorCode.ConversationNotFound, 'Conversation not found');
