import { formatUkRange, mergeRanges, subtractRanges } from './time-ranges';

describe('time ranges', () => {
  const r = (start: number, end: number) => ({ start, end });

  it('merges overlapping and touching spans', () => {
    expect(mergeRanges([r(5, 8), r(1, 3), r(3, 4), r(7, 10), r(12, 12)])).toEqual([r(1, 4), r(5, 10)]);
  });

  it('subtracts spans, leaving the uncovered parts', () => {
    expect(subtractRanges([r(0, 10)], [r(2, 3), r(5, 12)])).toEqual([r(0, 2), r(3, 5)]);
    expect(subtractRanges([r(0, 10)], [])).toEqual([r(0, 10)]);
    expect(subtractRanges([r(0, 10)], [r(-5, 20)])).toEqual([]);
  });

  it('formats a span in UK time, with both days when it crosses midnight', () => {
    expect(formatUkRange(new Date('2026-03-03T09:00:00Z'), new Date('2026-03-03T12:00:00Z'))).toBe(
      'Tue 3 Mar 09:00-12:00',
    );
    expect(formatUkRange(new Date('2026-07-07T08:00:00Z'), new Date('2026-07-07T11:00:00Z'))).toBe(
      'Tue 7 Jul 09:00-12:00',
    );
    expect(formatUkRange(new Date('2026-03-02T20:00:00Z'), new Date('2026-03-03T00:00:00Z'))).toBe(
      'Mon 2 Mar 20:00-00:00',
    );
    expect(formatUkRange(new Date('2026-03-06T20:00:00Z'), new Date('2026-03-07T07:00:00Z'))).toBe(
      'Fri 6 Mar 20:00 - Sat 7 Mar 07:00',
    );
  });
});
