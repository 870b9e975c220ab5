import type { CalendarEvent } from '@core/api/api-types';
import { eventTitle, sourceOf, toEventInput } from './calendar-events';

const event = (overrides: Partial<CalendarEvent>): CalendarEvent => ({
  id: 'block:b1:2026-12-01',
  kind: 'available',
  title: 'Weekday care',
  startsAt: '2026-12-01T08:00:00Z',
  endsAt: '2026-12-01T18:00:00Z',
  blockId: 'b1',
  bookingId: null,
  date: '2026-12-01',
  recurring: true,
  status: null,
  ...overrides,
});

describe('eventTitle', () => {
  it('says what each event is in words', () => {
    expect(eventTitle(event({}))).toBe('Available: Weekday care');
    expect(eventTitle(event({ kind: 'unavailable', title: 'Holiday' }))).toBe('Time off: Holiday');
    expect(eventTitle(event({ kind: 'google_busy', title: 'Busy (Google Calendar)' }))).toBe('Busy in Google Calendar');
    expect(eventTitle(event({ kind: 'booking', title: 'Maya', status: 'confirmed' }))).toBe(
      'Booking (Confirmed): Maya',
    );
  });
});

describe('toEventInput', () => {
  it('keeps the instants and the source, with classes per kind and status', () => {
    const source = event({ kind: 'booking', status: 'pending', bookingId: 'k1', blockId: null });
    const input = toEventInput(source);
    expect(input).toMatchObject({
      id: source.id,
      start: '2026-12-01T08:00:00Z',
      end: '2026-12-01T18:00:00Z',
      className: 'cc-event cc-event--booking cc-event--pending',
    });
    expect(sourceOf(input.extendedProps!)).toBe(source);
  });
});
