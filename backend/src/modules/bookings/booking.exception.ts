import { HttpStatus } from '@nestjs/common';
import { defineDomainException, ErrorDetail } from '@app/common/errors/domain.exception';

export enum BookingErrorCode {
  /** No such booking, or one the caller may not see: never told apart. */
  NotFound = 'BOOKING_NOT_FOUND',
  /** A child id in the request is not one of the caller's children. */
  ChildNotFound = 'BOOKING_CHILD_NOT_FOUND',
  /** Times the rules refuse whatever the calendar says: in the past, too short, too long, too far ahead. */
  InvalidTimes = 'BOOKING_INVALID_TIMES',
  /** Part of the time is outside the childminder's available time. */
  OutsideAvailability = 'BOOKING_OUTSIDE_AVAILABILITY',
  /** Part of the time is in the childminder's time off. */
  DuringTimeOff = 'BOOKING_DURING_TIME_OFF',
  /** A registered limit (under 8, early years, under 1) would be exceeded at some instant. */
  OverCapacity = 'BOOKING_OVER_CAPACITY',
  /** A child already has care booked at that time. */
  ChildAlreadyBooked = 'BOOKING_CHILD_ALREADY_BOOKED',
  /** The childminder does not take children of that age. */
  AgeGroupNotCared = 'BOOKING_AGE_GROUP_NOT_CARED_FOR',
  /** The childminder cannot take bookings (no hourly rate set). */
  NotBookable = 'BOOKING_CHILDMINDER_NOT_BOOKABLE',
  /** The action does not fit the booking's status (confirming a cancelled booking, editing a confirmed one). */
  InvalidTransition = 'BOOKING_INVALID_TRANSITION',
  /** The childminder's bookings stayed locked too long (a burst of changes): try again. */
  Busy = 'BOOKING_BUSY',
}

export class BookingException extends defineDomainException<BookingErrorCode>('BookingException', {
  [BookingErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [BookingErrorCode.ChildNotFound]: HttpStatus.NOT_FOUND,
  [BookingErrorCode.InvalidTimes]: HttpStatus.BAD_REQUEST,
  [BookingErrorCode.OutsideAvailability]: HttpStatus.CONFLICT,
  [BookingErrorCode.DuringTimeOff]: HttpStatus.CONFLICT,
  [BookingErrorCode.OverCapacity]: HttpStatus.CONFLICT,
  [BookingErrorCode.ChildAlreadyBooked]: HttpStatus.CONFLICT,
  [BookingErrorCode.AgeGroupNotCared]: HttpStatus.CONFLICT,
  [BookingErrorCode.NotBookable]: HttpStatus.CONFLICT,
  [BookingErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [BookingErrorCode.Busy]: HttpStatus.SERVICE_UNAVAILABLE,
}) {}

export const bookingNotFound = () => new BookingException(BookingErrorCode.NotFound, 'Booking not found');

/** One rule a request breaks, with the field it concerns when there is one. */
export interface BookingProblem {
  code: BookingErrorCode;
  message: string;
  field?: string;
}

/**
 * The exception for a refused request: the first problem's code decides the status, the message
 * lists the problems (the first few), and details carry every one of them.
 */
export function refused(problems: readonly BookingProblem[]): BookingException {
  const shown = problems.slice(0, 3).map((p) => p.message);
  const more = problems.length - shown.length;
  const message = `${upperFirst(shown.join('; '))}${more > 0 ? ` (and ${more} more)` : ''}`;
  const details: ErrorDetail[] = problems.map((p) => ({ ...(p.field ? { field: p.field } : {}), message: p.message }));
  return new BookingException(problems[0]!.code, message, details);
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
