import type { AvailabilityBlock, AvailabilityBlockRequest } from '@core/api/api-types';

/**
 * Removing one day of a repeating block: the API keeps the series and skips that day, named by
 * its UK date (`YYYY-MM-DD`) in the block's `exceptionDates`. PUT replaces the whole block, so the
 * body is the block exactly as stored, never the edit form's unsaved values.
 */

/** The API's limit on a block's skipped days (AvailabilityBlockDto.exceptionDates). */
export const MAX_EXCEPTION_DATES = 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `2026-03-03` -> `Tuesday 3 March 2026` (a UK date, whatever the device's zone). */
export function describeUkDay(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  const parts = Object.fromEntries(
    DAY_PARTS.formatToParts(new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!))).map((p) => [p.type, p.value]),
  );
  return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`;
}

/** Why one day of this block cannot be removed on its own, in words; null when it can. */
export function skipDayProblem(block: AvailabilityBlock, date: string): string | null {
  if (!block.recurrence) return 'This block does not repeat: delete it instead.';
  if (!ISO_DATE.test(date)) return 'Choose the day to remove on the calendar.';
  if (!block.exceptionDates.includes(date) && block.exceptionDates.length >= MAX_EXCEPTION_DATES) {
    return `This block already skips ${MAX_EXCEPTION_DATES} days, the most it can. Change its dates or delete the series instead.`;
  }
  return null;
}

/** The PUT body that skips `date`: the stored block with the day added to its exceptions (once, in order). */
export function withSkippedDay(block: AvailabilityBlock, date: string): AvailabilityBlockRequest {
  return {
    startsAt: block.startsAt,
    endsAt: block.endsAt,
    type: block.type,
    title: block.title,
    description: block.description,
    recurrence: block.recurrence,
    exceptionDates: [...new Set([...block.exceptionDates, date])].sort(),
  };
}
