import { describeSchedule, priceEstimatePence, sessionsFor, timingProblems, totalHours } from './booking-rules';

const at = (iso: string) => new Date(iso);

describe('booking rules', () => {
  it('repeats a session at the same local time every week, across the clock change', () => {
    const sessions = sessionsFor(at('2026-03-17T09:00:00Z'), at('2026-03-17T12:00:00Z'), 3);
    expect(sessions.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-03-17T09:00:00.000Z', '2026-03-17T12:00:00.000Z'],
      ['2026-03-24T09:00:00.000Z', '2026-03-24T12:00:00.000Z'],
      ['2026-03-31T08:00:00.000Z', '2026-03-31T11:00:00.000Z'], // 09:00 BST
    ]);
    expect(describeSchedule(sessions)).toBe('Tue 17 Mar 09:00-12:00, weekly for 3 weeks (until Tue 31 Mar 2026)');
    expect(describeSchedule(sessions.slice(0, 1))).toBe('Tue 17 Mar 09:00-12:00');
  });

  it('estimates the price as rate x hours x children in whole pence', () => {
    const sessions = sessionsFor(at('2026-03-17T09:00:00Z'), at('2026-03-17T11:20:00Z'), 2); // 2h20 twice
    expect(totalHours(sessions)).toBe(4.67);
    expect(priceEstimatePence(650, sessions, 2)).toBe(6067); // 650 x 280 min x 2 / 60 = 6066.67
    expect(priceEstimatePence(600, sessions.slice(0, 1), 1)).toBe(1400);
  });

  it.each([
    ['2026-03-17T09:00:00Z', '2026-03-17T12:00:00Z', []],
    ['2026-03-17T09:00:00Z', '2026-03-17T09:00:00Z', ['endsAt must be after startsAt']],
    ['2026-03-17T09:00:00Z', '2026-03-17T09:20:00Z', ['a session lasts at least 30 minutes']],
    ['2026-03-17T06:00:00Z', '2026-03-17T19:00:00Z', ['a session lasts at most 12 hours']],
    [
      '2026-03-01T09:00:00Z',
      '2026-03-01T12:00:00Z',
      ['the booking must start in the future (Sun 1 Mar 09:00-12:00 has begun or passed)'],
    ],
    ['2027-06-01T09:00:00Z', '2027-06-01T12:00:00Z', ['bookings can be made at most 365 days ahead']],
  ])('%s to %s', (start, end, messages) => {
    expect(timingProblems(at(start), at(end), at('2026-03-10T12:00:00Z')).map((p) => p.message)).toEqual(messages);
  });
});
