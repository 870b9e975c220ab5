import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum SupportErrorCode {
  /** No such ticket, or not one the caller raised: never told apart. */
  TicketNotFound = 'TICKET_NOT_FOUND',
  /** A closed ticket is read-only: no replies, no changes. */
  TicketClosed = 'TICKET_CLOSED',
  /** A requester tried to change something only agents change (priority, assignee, tags...). */
  FieldNotAllowed = 'TICKET_FIELD_NOT_ALLOWED',
  /** Only agents and admins write internal notes. */
  InternalNoteNotAllowed = 'TICKET_INTERNAL_NOTE_NOT_ALLOWED',
  /** The assignee must be an active support agent or admin. */
  AssigneeNotStaff = 'TICKET_ASSIGNEE_NOT_STAFF',
  /** A ticket raised on someone's behalf names an account that does not exist. */
  RequesterNotFound = 'TICKET_REQUESTER_NOT_FOUND',
  /** A ticket raised on someone's behalf needs an account or a name and an email. */
  RequesterRequired = 'TICKET_REQUESTER_REQUIRED',
  /** Too many contact form messages from this address or email; see Retry-After. */
  ContactRateLimited = 'CONTACT_RATE_LIMITED',
  SearchTooShort = 'TICKET_SEARCH_TOO_SHORT',
  /** The stats range ends before it starts or spans more than a year. */
  StatsRangeInvalid = 'TICKET_STATS_RANGE_INVALID',
  /** Test-only routes do not exist in production. */
  NotAvailable = 'TICKET_TEST_ROUTE_NOT_AVAILABLE',
}

export class SupportException extends defineDomainException<SupportErrorCode>('SupportException', {
  [SupportErrorCode.TicketNotFound]: HttpStatus.NOT_FOUND,
  [SupportErrorCode.TicketClosed]: HttpStatus.CONFLICT,
  [SupportErrorCode.FieldNotAllowed]: HttpStatus.FORBIDDEN,
  [SupportErrorCode.InternalNoteNotAllowed]: HttpStatus.FORBIDDEN,
  [SupportErrorCode.AssigneeNotStaff]: HttpStatus.BAD_REQUEST,
  [SupportErrorCode.RequesterNotFound]: HttpStatus.NOT_FOUND,
  [SupportErrorCode.RequesterRequired]: HttpStatus.BAD_REQUEST,
  [SupportErrorCode.ContactRateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [SupportErrorCode.SearchTooShort]: HttpStatus.BAD_REQUEST,
  [SupportErrorCode.StatsRangeInvalid]: HttpStatus.BAD_REQUEST,
  [SupportErrorCode.NotAvailable]: HttpStatus.NOT_FOUND,
}) {}

export const ticketNotFound = () => new SupportException(SupportErrorCode.TicketNotFound, 'Ticket not found');

export const ticketClosed = () =>
  new SupportException(
    SupportErrorCode.TicketClosed,
    'This ticket is closed. Open a new ticket if you still need help.',
  );

export function contactRateLimited(retryAfterSeconds: number): SupportException {
  const error = new SupportException(
    SupportErrorCode.ContactRateLimited,
    'You have sent us several messages recently. Please wait a little before sending another.',
  );
  error.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return error;
}
