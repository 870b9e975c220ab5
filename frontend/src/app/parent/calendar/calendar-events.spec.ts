import { toCalendarEvents } from './calendar-events';

describe('toCalendarEvents', () => {
  it('links each booking session to its booking and says the status in words', () => {
    expect(
      toCalendarEvents([
        {
          id: 'booking:s1',
          kind: 'booking',
          title: 'Maya with Claire Hughes',
          startsAt: '2026-03-03T09:00:00Z',
          endsAt: '2026-03-03T12:00:00Z',
          bookingId: 'b1',
          status: 'confirmed',
          blockId: null,
          date: null,
          recurring: false,
        },
      ]),
    ).toEqual([
      {
        id: 'booking:s1',
        title: 'Maya with Claire Hughes (Confirmed)',
        start: '2026-03-03T09:00:00Z',
        end: '2026-03-03T12:00:00Z',
        url: '/parent/bookings/b1',
        className: 'booking-event booking-event--confirmed',
        color: 'var(--mat-sys-primary)',
        contrastColor: 'var(--mat-sys-on-primary)',
        extendedProps: { status: 'confirmed', bookingId: 'b1' },
      },
    ]);
  });

  it('marks care waiting for an answer apart from confirmed care, and past care as done', () => {
    const session = (status: 'pending' | 'confirmed' | 'completed' | 'cancelled') => ({
      id: `booking:${status}`,
      kind: 'booking' as const,
      title: 'Maya with Claire Hughes',
      startsAt: '2026-03-03T09:00:00Z',
      endsAt: '2026-03-03T12:00:00Z',
      bookingId: 'b1',
      status,
      blockId: null,
      date: null,
      recurring: false,
    });
    const colours = toCalendarEvents((['pending', 'confirmed', 'completed', 'cancelled'] as const).map(session)).map(
      (event) => event.color,
    );
    expect(colours).toEqual([
      'var(--mat-sys-tertiary)',
      'var(--mat-sys-primary)',
      'var(--mat-sys-outline)',
      'var(--mat-sys-primary)',
    ]);
  });
});
