import { BookingErrorCode } from './booking.exception';
import { CancelledBy } from './booking-notifier';
import { cancelRefusal, confirmRefusal, FROM, modifyRefusal, rejectRefusal } from './booking-transitions';
import { BookingStatus } from './entities/booking.entity';

const now = new Date('2026-06-01T12:00:00Z');
const later = new Date('2026-06-01T12:00:01Z');

describe('booking transitions', () => {
  it.each([
    ['confirm', confirmRefusal],
    ['reject', rejectRefusal],
    ['modify', modifyRefusal],
  ] as const)('%s starts only from pending', (action, refusal) => {
    for (const status of Object.values(BookingStatus)) {
      const error = refusal({ status });
      expect(error === null).toBe(FROM[action].includes(status));
      if (error) expect(error.code).toBe(BookingErrorCode.InvalidTransition);
    }
  });

  it.each<[BookingStatus, Date, CancelledBy, boolean]>([
    [BookingStatus.Pending, later, 'parent', true],
    [BookingStatus.Pending, later, 'admin', true],
    [BookingStatus.Pending, later, 'childminder', false],
    [BookingStatus.Confirmed, later, 'childminder', true],
    [BookingStatus.Confirmed, later, 'parent', true],
    // Ends exactly now: finished, no longer cancellable.
    [BookingStatus.Confirmed, now, 'parent', false],
    [BookingStatus.Completed, later, 'admin', false],
    [BookingStatus.Rejected, later, 'parent', false],
    [BookingStatus.Expired, later, 'parent', false],
    [BookingStatus.Cancelled, later, 'admin', false],
  ])('cancel of a %s booking ending %s by %s: allowed %s', (status, endsAt, by, allowed) => {
    expect(cancelRefusal({ status, endsAt }, by, now) === null).toBe(allowed);
  });

  it('tells a childminder to reject a pending request, and names a finished booking', () => {
    expect(cancelRefusal({ status: BookingStatus.Pending, endsAt: later }, 'childminder', now)?.message).toMatch(
      /Reject a pending request/,
    );
    expect(cancelRefusal({ status: BookingStatus.Confirmed, endsAt: now }, 'parent', now)?.message).toMatch(
      /is finished/,
    );
  });
});
