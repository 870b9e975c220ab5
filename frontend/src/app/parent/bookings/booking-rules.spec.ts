import { formatPence } from '@shared/money/format-pence';
import {
  type BookingFormValue,
  formGap,
  formProblems,
  formatHours,
  formatSession,
  groupProblems,
  refusalGroups,
  statusTimeline,
  toBookingRequest,
  toBookingUpdate,
  toUkWallClock,
} from './booking-rules';

const MINDER = '7d3c1f9e-8a11-4b3f-9c55-2f6f2d7b9a01';
const MAYA = 'a1a1a1a1-0000-4000-8000-000000000001';
const LEO = 'a1a1a1a1-0000-4000-8000-000000000002';

const form = (overrides: Partial<BookingFormValue> = {}): BookingFormValue => ({
  childIds: [MAYA],
  date: '2026-03-03',
  start: '09:00',
  end: '12:00',
  repeat: 'once',
  weeks: 4,
  notes: '',
  ...overrides,
});

describe('toBookingRequest', () => {
  it('sends one session as UK wall-clock times, without an offset, and weeks 1', () => {
    expect(toBookingRequest(MINDER, form())).toEqual({
      childminderId: MINDER,
      childIds: [MAYA],
      startsAt: '2026-03-03T09:00:00',
      endsAt: '2026-03-03T12:00:00',
      weeks: 1,
    });
  });

  it('sends a weekly pattern as the first session and the number of weeks, across the clock change', () => {
    // 23 March 2026 is before the clocks go forward (29 March); the API keeps 08:00 local every week.
    const body = toBookingRequest(
      MINDER,
      form({ childIds: [MAYA, LEO], date: '2026-03-23', start: '08:00', end: '13:30', repeat: 'weekly', weeks: 6 }),
    );
    expect(body).toEqual({
      childminderId: MINDER,
      childIds: [MAYA, LEO],
      startsAt: '2026-03-23T08:00:00',
      endsAt: '2026-03-23T13:30:00',
      weeks: 6,
    });
  });

  it('ignores the weeks field for a single session, and trims notes (blank notes are left out)', () => {
    expect(toBookingRequest(MINDER, form({ weeks: 9, notes: '  Naps after lunch \n' }))).toMatchObject({
      weeks: 1,
      notes: 'Naps after lunch',
    });
    expect(toBookingRequest(MINDER, form({ notes: '   ' }))).not.toHaveProperty('notes');
  });

  it('is null while the form is incomplete or the times cannot be right', () => {
    expect(toBookingRequest(MINDER, form({ childIds: [] }))).toBeNull();
    expect(toBookingRequest(MINDER, form({ date: '' }))).toBeNull();
    expect(toBookingRequest(MINDER, form({ end: '09:00' }))).toBeNull();
    expect(toBookingRequest(MINDER, form({ repeat: 'weekly', weeks: 1 }))).toBeNull();
    expect(toBookingRequest('', form())).toBeNull();
  });
});

describe('formProblems', () => {
  it('lists every problem at once, each with its field, in the order of the form', () => {
    expect(
      formProblems(form({ childIds: [], date: '', start: '12:00', end: '09:00', repeat: 'weekly', weeks: 60 })),
    ).toEqual([
      { field: 'children', message: 'Choose at least one child.' },
      { field: 'date', message: 'Choose a date.' },
      { field: 'time', message: 'The session must end after it starts.' },
      { field: 'weeks', message: 'Choose between 2 and 52 weeks.' },
    ]);
  });

  it('gives the start and end times one shared message', () => {
    expect(formProblems(form({ start: '', end: '' }))).toEqual([
      { field: 'time', message: 'Choose a start and an end time.' },
    ]);
  });

  it('is empty for a complete form', () => {
    expect(formProblems(form())).toEqual([]);
  });
});

describe('formGap', () => {
  it.each<[Partial<BookingFormValue>, string | null]>([
    [{}, null],
    [{ childIds: [] }, 'Choose at least one child.'],
    [{ date: '3/3/2026' }, 'Choose a date.'],
    [{ start: '' }, 'Choose a start and an end time.'],
    [{ start: '12:00', end: '09:00' }, 'The session must end after it starts.'],
    [{ start: '09:00', end: '09:29' }, 'A session must be at least 30 minutes.'],
    [{ start: '09:00', end: '09:30' }, null],
    [{ start: '06:00', end: '18:00' }, null],
    [{ start: '06:00', end: '18:01' }, 'A session can be at most 12 hours.'],
    [{ repeat: 'weekly', weeks: 2 }, null],
    [{ repeat: 'weekly', weeks: 52 }, null],
    [{ repeat: 'weekly', weeks: 53 }, 'Choose between 2 and 52 weeks.'],
    [{ repeat: 'weekly', weeks: null }, 'Choose between 2 and 52 weeks.'],
  ])('%j -> %s', (overrides, expected) => {
    expect(formGap(form(overrides))).toBe(expected);
  });
});

describe('toBookingUpdate', () => {
  it('sends times, weeks and notes; blank notes clear them', () => {
    const { childIds: _, ...value } = form({ notes: ' ' });
    expect(toBookingUpdate(value)).toEqual({
      startsAt: '2026-03-03T09:00:00',
      endsAt: '2026-03-03T12:00:00',
      weeks: 1,
      notes: null,
    });
  });
});

describe('UK time and money', () => {
  it('shows instants in UK time in winter and summer', () => {
    expect(toUkWallClock('2026-01-15T09:30:00Z')).toEqual({ date: '2026-01-15', time: '09:30' });
    expect(toUkWallClock('2026-07-15T23:30:00Z')).toEqual({ date: '2026-07-16', time: '00:30' });
  });

  it('formats a session, pence and hours', () => {
    expect(formatSession('2026-03-03T09:00:00Z', '2026-03-03T12:00:00Z')).toBe('Tue 3 Mar, 09:00–12:00');
    expect(formatSession('2026-06-02T08:00:00Z', '2026-06-02T11:00:00Z')).toBe('Tue 2 Jun, 09:00–12:00');
    expect(formatPence(4550)).toBe('£45.50');
    expect(formatPence(120000)).toBe('£1,200.00');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(7.5)).toBe('7.5 hours');
    expect(formatHours(24)).toBe('24 hours');
  });
});

describe('refusals', () => {
  it('groups the quote’s problems by rule, keeping the API’s words for when', () => {
    expect(
      groupProblems([
        { code: 'BOOKING_OVER_CAPACITY', message: 'only 1 place for under-1s on Tue 3 Mar 09:00-12:00' },
        { code: 'BOOKING_OUTSIDE_AVAILABILITY', message: 'not available on Sat 7 Mar 09:00-12:00' },
        { code: 'BOOKING_OVER_CAPACITY', message: 'only 1 place for under-1s on Tue 10 Mar 09:00-12:00' },
      ]),
    ).toEqual([
      {
        code: 'BOOKING_OVER_CAPACITY',
        title: 'No place for your child at that time',
        messages: [
          'Only 1 place for under-1s on Tue 3 Mar 09:00-12:00',
          'Only 1 place for under-1s on Tue 10 Mar 09:00-12:00',
        ],
      },
      {
        code: 'BOOKING_OUTSIDE_AVAILABILITY',
        title: 'Outside the childminder’s available time',
        messages: ['Not available on Sat 7 Mar 09:00-12:00'],
      },
    ]);
  });

  it('keeps an unknown code with a plain title', () => {
    expect(groupProblems([{ code: 'SOMETHING_NEW' as never, message: 'x' }])[0]!.title).toBe(
      'This request can’t be booked',
    );
  });

  it('turns a refused create into one group: the rule’s title only when there is one problem', () => {
    expect(
      refusalGroups('BOOKING_DURING_TIME_OFF', 'Time off on Mon 9 Mar', [{ message: 'time off on Mon 9 Mar' }]),
    ).toEqual([
      {
        code: 'BOOKING_DURING_TIME_OFF',
        title: 'During the childminder’s time off',
        messages: ['Time off on Mon 9 Mar'],
      },
    ]);
    const many = refusalGroups('BOOKING_OVER_CAPACITY', 'A; b', [{ message: 'a' }, { message: 'b' }]);
    expect(many[0]).toMatchObject({ title: 'This request can’t be booked', messages: ['A', 'B'] });
    expect(refusalGroups('BOOKING_INVALID_TIMES', 'In the past', [])[0]!.messages).toEqual(['In the past']);
  });
});

describe('statusTimeline', () => {
  const booking = {
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T12:00:00Z',
    startsAt: '2026-03-03T09:00:00Z',
    endsAt: '2026-03-03T12:00:00Z',
    expiresAt: '2026-03-03T10:00:00Z',
    statusReason: null,
    cancelledBy: null,
  };

  it('shows a pending request waiting for the childminder', () => {
    expect(statusTimeline({ ...booking, status: 'pending' }).map((s) => [s.label, s.state])).toEqual([
      ['Requested', 'done'],
      ['Waiting for the childminder', 'current'],
      ['Care starts', 'ahead'],
    ]);
  });

  it('shows a confirmed booking with care ahead', () => {
    expect(statusTimeline({ ...booking, status: 'confirmed' }).map((s) => s.state)).toEqual([
      'done',
      'done',
      'current',
      'ahead',
    ]);
  });

  it('ends a stopped booking at the step that stopped it, with the reason and who', () => {
    const cancelled = statusTimeline({
      ...booking,
      status: 'cancelled',
      cancelledBy: 'parent',
      statusReason: 'Moving',
    });
    expect(cancelled.at(-1)).toEqual({
      label: 'Cancelled by you',
      at: booking.updatedAt,
      state: 'stopped',
      note: 'Moving',
    });
    expect(statusTimeline({ ...booking, status: 'rejected', statusReason: 'Full' }).at(-1)).toMatchObject({
      label: 'Declined by the childminder',
      note: 'Full',
    });
    expect(statusTimeline({ ...booking, status: 'expired' }).at(-1)).toMatchObject({ at: booking.expiresAt });
  });
});
