import { CalendarEntry, entryHash, toCalendarEntries } from './calendar-entries';
import { googleEventId, planPush, PushedLink } from './push-plan';
import { CalendarEventKind, CalendarEventResponse } from '@app/modules/bookings/dto/booking.response';
import { BookingStatus } from '@app/modules/bookings/entities/booking.entity';

const at = (iso: string) => new Date(iso);
const entry = (key: string, title = 'Care', start = '2027-01-04T09:00:00Z'): CalendarEntry => ({
  key,
  kind: 'booking',
  title,
  startsAt: at(start),
  endsAt: new Date(+at(start) + 3 * 3_600_000),
});
const linkFor = (e: CalendarEntry, overrides: Partial<PushedLink> = {}): PushedLink => ({
  entryKey: e.key,
  calendarId: 'cal',
  googleEventId: googleEventId('user', e.key),
  contentHash: entryHash(e),
  endsAt: e.endsAt,
  ...overrides,
});
const windowStart = at('2027-01-01T00:00:00Z');

describe(planPush.name, () => {
  it('creates what has no event yet and leaves what is unchanged', () => {
    const a = entry('booking:a');
    const b = entry('booking:b');
    const plan = planPush([a, b], [linkFor(a)], 'cal', windowStart);
    expect(plan.create.map((c) => c.entry.key)).toEqual(['booking:b']);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('patches an entry whose title or times changed', () => {
    const before = entry('block:x:2027-01-04', 'Available');
    const after = entry('block:x:2027-01-04', 'Available', '2027-01-04T10:00:00Z');
    const plan = planPush([after], [linkFor(before)], 'cal', windowStart);
    expect(plan.update.map((u) => u.entry.startsAt)).toEqual([after.startsAt]);
    expect(plan.create).toEqual([]);
  });

  it('deletes the event of an entry that is gone, but leaves history before the window alone', () => {
    const gone = entry('booking:gone', 'Care', '2027-01-05T09:00:00Z');
    const past = entry('booking:past', 'Care', '2026-12-20T09:00:00Z');
    const plan = planPush([], [linkFor(gone), linkFor(past)], 'cal', windowStart);
    expect(plan.remove.map((l) => l.entryKey)).toEqual(['booking:gone']);
  });

  it('moves events to a newly chosen calendar: delete on the old one, create on the new one', () => {
    const a = entry('booking:a');
    const plan = planPush([a], [linkFor(a, { calendarId: 'old' })], 'new', windowStart);
    expect(plan.remove.map((l) => l.calendarId)).toEqual(['old']);
    expect(plan.create.map((c) => c.entry.key)).toEqual(['booking:a']);
  });
});

describe(googleEventId.name, () => {
  it('is stable per user and entry, and uses only base32hex characters Google accepts', () => {
    expect(googleEventId('u1', 'booking:1')).toBe(googleEventId('u1', 'booking:1'));
    expect(googleEventId('u1', 'booking:1')).not.toBe(googleEventId('u2', 'booking:1'));
    expect(googleEventId('u1', 'booking:1')).toMatch(/^[a-v0-9]{5,1024}$/);
  });
});

describe(toCalendarEntries.name, () => {
  const event = (kind: CalendarEventKind, status: BookingStatus | null = null): CalendarEventResponse => ({
    id: `${kind}:1`,
    kind,
    title: 'T',
    startsAt: '2027-01-04T09:00:00.000Z',
    endsAt: '2027-01-04T12:00:00.000Z',
    bookingId: null,
    status,
    blockId: null,
    date: null,
    recurring: false,
  });

  it('shares confirmed and completed bookings and her own blocks, never requests or Google busy time', () => {
    const entries = toCalendarEntries([
      event(CalendarEventKind.Booking, BookingStatus.Pending),
      event(CalendarEventKind.Booking, BookingStatus.Confirmed),
      event(CalendarEventKind.Booking, BookingStatus.Completed),
      event(CalendarEventKind.Available),
      event(CalendarEventKind.Unavailable),
      event(CalendarEventKind.GoogleBusy),
    ]);
    expect(entries.map((e) => [e.kind, e.title])).toEqual([
      ['booking', 'T'],
      ['booking', 'T'],
      ['available', 'Available: T'],
      ['unavailable', 'Time off: T'],
    ]);
  });
});
