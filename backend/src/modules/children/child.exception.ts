import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum ChildErrorCode {
  /** No such child, or not one the caller may see: the two are never told apart. */
  NotFound = 'CHILD_NOT_FOUND',
  LimitReached = 'CHILD_LIMIT_REACHED',
  /** The child is in a pending or confirmed booking: cancel it first. */
  HasActiveBookings = 'CHILD_HAS_ACTIVE_BOOKINGS',
}

export class ChildException extends defineDomainException<ChildErrorCode>('ChildException', {
  [ChildErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ChildErrorCode.LimitReached]: HttpStatus.CONFLICT,
  [ChildErrorCode.HasActiveBookings]: HttpStatus.CONFLICT,
}) {}

export const childNotFound = () => new ChildException(ChildErrorCode.NotFound, 'Child not found');
