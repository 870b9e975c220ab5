import { formatDuration, formatTicketTime } from './ticket-format';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 min'],
    [59 * 60, '59 min'],
    [3600, '1 h'],
    [3 * 3600 + 20 * 60, '3 h 20 min'],
    [24 * 3600, '1 d'],
    [52 * 3600, '2 d 4 h'],
  ])('%p seconds reads %p', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatTicketTime', () => {
  it('shows UK time (British Summer Time in July)', () => {
    expect(formatTicketTime('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
  });
});
