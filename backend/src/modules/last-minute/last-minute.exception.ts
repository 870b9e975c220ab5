import { HttpStatus } from '@nestjs/common';
import { defineDomainException } from '@app/common/errors/domain.exception';

export enum LastMinuteErrorCode {
  /** No such opening, or not the caller's: never told apart. */
  NotFound = 'LAST_MINUTE_OPENING_NOT_FOUND',
  /** A child id in the alert settings is not one of the parent's children. */
  ChildNotFound = 'LAST_MINUTE_CHILD_NOT_FOUND',
  /** The time range is empty, or already over. */
  InvalidTimeRange = 'LAST_MINUTE_INVALID_TIME_RANGE',
  /** The childminder has no profile to publish openings on. */
  NoProfile = 'LAST_MINUTE_NO_PROFILE',
  /** A settings field that belongs to the other role (alerts are for parents, rules for childminders). */
  FieldNotForRole = 'LAST_MINUTE_FIELD_NOT_FOR_ROLE',
}

export class LastMinuteException extends defineDomainException<LastMinuteErrorCode>('LastMinuteException', {
  [LastMinuteErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [LastMinuteErrorCode.ChildNotFound]: HttpStatus.NOT_FOUND,
  [LastMinuteErrorCode.InvalidTimeRange]: HttpStatus.BAD_REQUEST,
  [LastMinuteErrorCode.NoProfile]: HttpStatus.CONFLICT,
  [LastMinuteErrorCode.FieldNotForRole]: HttpStatus.BAD_REQUEST,
}) {}

export const openingNotFound = () =>
  new LastMinuteException(LastMinuteErrorCode.NotFound, 'Last-minute opening not found');
