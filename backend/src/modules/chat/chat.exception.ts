import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum ChatErrorCode {
  /** No such session, or one the caller may not read: never told apart. */
  NotFound = 'CHAT_SESSION_NOT_FOUND',
  /** The session is closed: nobody can write in it (the requester may reopen it within 24 hours). */
  Closed = 'CHAT_SESSION_CLOSED',
  /** The action does not fit the session's state (rating an open chat, reopening an active one). */
  InvalidState = 'CHAT_INVALID_STATE',
  /** The chat closed more than 24 hours ago: start a new one. */
  ReopenExpired = 'CHAT_REOPEN_EXPIRED',
  /** The session was already rated. */
  AlreadyRated = 'CHAT_ALREADY_RATED',
  /** The transfer target is not a support agent or admin, is offline, or has no free capacity. */
  AgentUnavailable = 'CHAT_AGENT_UNAVAILABLE',
  /** Only the assigned agent (or an admin) may do that with this session. */
  NotAssigned = 'CHAT_NOT_ASSIGNED',
}

export class ChatException extends defineDomainException<ChatErrorCode>('ChatException', {
  [ChatErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ChatErrorCode.Closed]: HttpStatus.CONFLICT,
  [ChatErrorCode.InvalidState]: HttpStatus.CONFLICT,
  [ChatErrorCode.ReopenExpired]: HttpStatus.CONFLICT,
  [ChatErrorCode.AlreadyRated]: HttpStatus.CONFLICT,
  [ChatErrorCode.AgentUnavailable]: HttpStatus.CONFLICT,
  [ChatErrorCode.NotAssigned]: HttpStatus.CONFLICT,
}) {}

export const chatSessionNotFound = () => new ChatException(ChatErrorCode.NotFound, 'Chat session not found');
export const chatClosed = () =>
  new ChatException(ChatErrorCode.Closed, 'This chat is closed. Reopen it (within 24 hours) or start a new one.');
