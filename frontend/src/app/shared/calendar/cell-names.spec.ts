import { ukDayName } from './cell-names';

describe('ukDayName', () => {
  it.each([
    ['2026-12-07', 'Monday 7 December'],
    ['2028-02-29', 'Tuesday 29 February'],
    // The days the clocks change are named for the UK date, not shifted by the time zone.
    ['2026-03-29', 'Sunday 29 March'],
    ['2026-10-25', 'Sunday 25 October'],
    ['2026-12-31', 'Thursday 31 December'],
  ])('names %s as "%s"', (date, name) => {
    expect(ukDayName(date)).toBe(name);
  });

  it.each([
    null,
    undefined,
    '',
    '7 December',
    '2026-12-7',
    '2026-12-07T00:00:00Z',
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
  ])('names nothing for %p', (value) => {
    expect(ukDayName(value)).toBeNull();
  });
});
