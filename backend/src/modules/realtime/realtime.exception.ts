import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum RealtimeErrorCode {
  /** The SSE ticket is missing, unknown, expired or already used: get a new one. */
  TicketInvalid = 'SSE_TICKET_INVALID',
}

export class RealtimeException extends defineDomainException<RealtimeErrorCode>('RealtimeException', {
  [RealtimeErrorCode.TicketInvalid]: HttpStatus.UNAUTHORIZED,
}) {}
