import { BookingErrorCode, BookingException } from './booking.exception';
import { CancelledBy } from './booking-notifier';
import { Booking, BookingStatus } from './entities/booking.entity';

/**
 * The booking status state machine as pure functions: which status each action may start from,
 * and why an action is refused for a booking as it stands. The services apply the answer inside
 * their transaction (with a conditional update, see BookingsRepository.transition); nothing
 * here reads or writes.
 *
 *   pending   --confirm-->  confirmed  --(ended, job)-->  completed
 *   pending   --reject-->   rejected
 *   pending   --(48 h or start passed, job)-->  expired
 *   pending | confirmed (not ended)  --cancel-->  cancelled
 */
export const FROM: Readonly<
  Record<'confirm' | 'reject' | 'cancel' | 'modify' | 'expire' | 'complete', readonly BookingStatus[]>
> = {
  confirm: [BookingStatus.Pending],
  reject: [BookingStatus.Pending],
  cancel: [BookingStatus.Pending, BookingStatus.Confirmed],
  modify: [BookingStatus.Pending],
  expire: [BookingStatus.Pending],
  complete: [BookingStatus.Confirmed],
};

export const transitionError = (message: string) => new BookingException(BookingErrorCode.InvalidTransition, message);

/** Another change won the race between reading the booking and moving it. */
export const changedMeanwhile = () =>
  transitionError('This booking changed a moment ago (it may have expired). Reload it to see its status.');

/** Why a parent may not change this request's notes or times, or null when they may. */
export function modifyRefusal(booking: Pick<Booking, 'status'>): BookingException | null {
  return booking.status === BookingStatus.Pending
    ? null
    : transitionError(
        `Only a pending request can be changed; this booking is ${booking.status}. Cancel it and send a new request instead.`,
      );
}

/** Why this booking cannot be confirmed whatever the calendar says, or null. */
export function confirmRefusal(booking: Pick<Booking, 'status'>): BookingException | null {
  return booking.status === BookingStatus.Pending
    ? null
    : transitionError(`Only a pending request can be confirmed; this booking is ${booking.status}`);
}

/** Why this booking cannot be rejected, or null. */
export function rejectRefusal(booking: Pick<Booking, 'status'>): BookingException | null {
  return booking.status === BookingStatus.Pending
    ? null
    : transitionError(`Only a pending request can be rejected; this booking is ${booking.status}`);
}

/**
 * Why `by` cannot cancel this booking at `now`, or null. A parent or an admin may cancel a
 * pending or a confirmed booking; a childminder cancels confirmed ones (a pending request is
 * rejected instead). Not once finished.
 */
export function cancelRefusal(
  booking: Pick<Booking, 'status' | 'endsAt'>,
  by: CancelledBy,
  now: Date,
): BookingException | null {
  const cancellable =
    (booking.status === BookingStatus.Pending && by !== 'childminder') ||
    (booking.status === BookingStatus.Confirmed && booking.endsAt > now);
  if (cancellable) return null;
  return transitionError(
    booking.status === BookingStatus.Pending
      ? 'Reject a pending request instead of cancelling it'
      : `This booking is ${booking.status === BookingStatus.Confirmed ? 'finished' : booking.status}; it can no longer be cancelled`,
  );
}
