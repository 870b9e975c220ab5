/**
 * The availability form works in UK wall-clock times (a date and two times); the API takes
 * `YYYY-MM-DDTHH:mm:00` without an offset as a Europe/London wall-clock time, so no offsets are
 * computed in the browser.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface UkWallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

/** An instant as the UK date and time of day. */
export function toUkWallClock(value: Date | string): UkWallClock {
  const date = value instanceof Date ? value : new Date(value);
  const parts = Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** `('2026-12-01', '08:00')` -> `'2026-12-01T08:00:00'`: a UK wall-clock time for the API. */
export const ukWallClockIso = (date: string, time: string): string => `${date}T${time}:00`;

/** Minutes since midnight of `HH:mm`, or NaN. */
export function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/**
 * What is wrong with a block's times, in words; null when they are acceptable. Blocks end on the
 * day they start (the API allows at most 24 hours).
 */
export function blockTimesProblem(start: string, end: string): string | null {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (Number.isNaN(from) || Number.isNaN(to)) return 'Enter the start and end times as HH:MM';
  if (to <= from) return 'The end time must be after the start time';
  return null;
}

/** The UK date `days` after a UK date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
