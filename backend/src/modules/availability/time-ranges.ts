import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';

/** A half-open span of time [start, end), in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

export const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;

/** The union of `ranges` as sorted, non-overlapping, non-touching spans. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The parts of `from` that no range in `minus` covers. */
export function subtractRanges(from: readonly TimeRange[], minus: readonly TimeRange[]): TimeRange[] {
  const cuts = mergeRanges(minus);
  const result: TimeRange[] = [];
  for (const range of mergeRanges(from)) {
    let cursor = range.start;
    for (const cut of cuts) {
      if (cut.end <= cursor || cut.start >= range.end) continue;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < range.end) result.push({ start: cursor, end: range.end });
  }
  return result;
}

const ukTime = (ms: number) => DateTime.fromMillis(ms, { zone: UK_ZONE }).setLocale('en-GB');

/**
 * A span as people in the UK read it: "Tue 3 Mar 09:00-12:00", or with both days when it
 * crosses midnight ("Fri 6 Mar 20:00 - Sat 7 Mar 07:00"). Always Europe/London.
 */
export function formatUkRange(start: Date | number, end: Date | number): string {
  const from = ukTime(+start);
  const to = ukTime(+end);
  const day = (t: DateTime) => t.toFormat('ccc d LLL');
  if (from.hasSame(to, 'day') || (to.hour === 0 && to.minute === 0 && +to - +from <= 86_400_000)) {
    return `${day(from)} ${from.toFormat('HH:mm')}-${to.toFormat('HH:mm')}`;
  }
  return `${day(from)} ${from.toFormat('HH:mm')} - ${day(to)} ${to.toFormat('HH:mm')}`;
}
