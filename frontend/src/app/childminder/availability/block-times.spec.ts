import { addDays, blockTimesProblem, minutesOf, toUkWallClock, ukWallClockIso } from './block-times';

describe('toUkWallClock', () => {
  it('reads winter instants as GMT', () => {
    expect(toUkWallClock('2026-12-01T08:00:00Z')).toEqual({ date: '2026-12-01', time: '08:00' });
  });

  it('reads summer instants as BST (UTC+1)', () => {
    expect(toUkWallClock(new Date('2026-07-01T07:30:00Z'))).toEqual({ date: '2026-07-01', time: '08:30' });
    expect(toUkWallClock('2026-06-30T23:30:00Z')).toEqual({ date: '2026-07-01', time: '00:30' });
  });
});

describe('ukWallClockIso', () => {
  it('has no offset: the API reads it in Europe/London', () => {
    expect(ukWallClockIso('2026-03-29', '09:15')).toBe('2026-03-29T09:15:00');
  });
});

describe('blockTimesProblem', () => {
  it('accepts an end after the start', () => {
    expect(blockTimesProblem('08:00', '18:00')).toBeNull();
  });

  it('refuses an end at or before the start', () => {
    expect(blockTimesProblem('08:00', '08:00')).toBe('The end time must be after the start time');
    expect(blockTimesProblem('18:00', '08:00')).toBe('The end time must be after the start time');
  });

  it('refuses missing times', () => {
    expect(blockTimesProblem('', '08:00')).toBe('Enter the start and end times as HH:MM');
    expect(minutesOf('7:00')).toBeNaN();
  });
});

describe('addDays', () => {
  it('crosses months and the clock change', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
  });
});
