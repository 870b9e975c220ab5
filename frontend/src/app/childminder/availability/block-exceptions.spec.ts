import type { AvailabilityBlock } from '@core/api/api-types';
import { describeUkDay, MAX_EXCEPTION_DATES, skipDayProblem, withSkippedDay } from './block-exceptions';

const block = (overrides: Partial<AvailabilityBlock> = {}): AvailabilityBlock => ({
  id: 'b1',
  type: 'available',
  title: 'After-school club',
  source: 'own',
  description: 'Pick-up from St Mary’s',
  startsAt: '2026-03-02T15:00:00.000Z',
  endsAt: '2026-03-02T18:00:00.000Z',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU',
  exceptionDates: ['2026-04-06'],
  lastEndsAt: null,
  timeZone: 'Europe/London',
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
  ...overrides,
});

describe('describeUkDay', () => {
  it('names the day in full, without a comma', () => {
    expect(describeUkDay('2026-03-03')).toBe('Tuesday 3 March 2026');
    expect(describeUkDay('2026-10-25')).toBe('Sunday 25 October 2026');
  });

  it('refuses anything but a date', () => {
    expect(() => describeUkDay('3/3/2026')).toThrow('Not a date');
  });
});

describe('withSkippedDay', () => {
  it('is the block as stored, with the day added to its exceptions in date order', () => {
    expect(withSkippedDay(block(), '2026-03-03')).toEqual({
      startsAt: '2026-03-02T15:00:00.000Z',
      endsAt: '2026-03-02T18:00:00.000Z',
      type: 'available',
      title: 'After-school club',
      description: 'Pick-up from St Mary’s',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU',
      exceptionDates: ['2026-03-03', '2026-04-06'],
    });
  });

  it('does not repeat a day that is already skipped', () => {
    expect(withSkippedDay(block(), '2026-04-06').exceptionDates).toEqual(['2026-04-06']);
  });

  it('may skip the first day of the series without moving its start', () => {
    const body = withSkippedDay(block({ exceptionDates: [] }), '2026-03-02');
    expect(body).toMatchObject({ startsAt: '2026-03-02T15:00:00.000Z', exceptionDates: ['2026-03-02'] });
  });
});

describe('skipDayProblem', () => {
  it('accepts a day of a repeating block', () => {
    expect(skipDayProblem(block(), '2026-03-03')).toBeNull();
  });

  it('sends a one-off block to "delete"', () => {
    expect(skipDayProblem(block({ recurrence: null }), '2026-03-02')).toBe(
      'This block does not repeat: delete it instead.',
    );
  });

  it('needs a real date', () => {
    expect(skipDayProblem(block(), '')).toBe('Choose the day to remove on the calendar.');
  });

  it('stops at the API’s limit of skipped days, unless the day is skipped already', () => {
    const full = Array.from({ length: MAX_EXCEPTION_DATES }, (_, i) =>
      new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(skipDayProblem(block({ exceptionDates: full }), '2026-03-03')).toMatch(/already skips 366 days/);
    expect(skipDayProblem(block({ exceptionDates: full }), full[10]!)).toBeNull();
  });
});
