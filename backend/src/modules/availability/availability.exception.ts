import { HttpStatus } from '@nestjs/common';
import { defineDomainException, ErrorDetail } from '@app/common/errors/domain.exception';

export enum AvailabilityErrorCode {
  /** No such block, or another childminder's: never told apart. */
  NotFound = 'AVAILABILITY_NOT_FOUND',
  /** Times, recurrence or range the rules refuse (the field is named in details). */
  Invalid = 'AVAILABILITY_INVALID',
  /** A childminder may keep this many blocks; more is a sign of a runaway client. */
  LimitReached = 'AVAILABILITY_LIMIT_REACHED',
  /** Busy time imported from Google Calendar: changed there, not here. */
  Imported = 'AVAILABILITY_IMPORTED',
}

export class AvailabilityException extends defineDomainException<AvailabilityErrorCode>('AvailabilityException', {
  [AvailabilityErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [AvailabilityErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [AvailabilityErrorCode.LimitReached]: HttpStatus.CONFLICT,
  [AvailabilityErrorCode.Imported]: HttpStatus.CONFLICT,
}) {}

export const availabilityNotFound = () =>
  new AvailabilityException(AvailabilityErrorCode.NotFound, 'Availability block not found');

/** A 400 in the validation pipe's shape: the message names the field. */
export const invalidAvailability = (field: string, message: string, details: ErrorDetail[] = [{ field, message }]) =>
  new AvailabilityException(AvailabilityErrorCode.Invalid, message, details);
