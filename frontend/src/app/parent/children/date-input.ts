/**
 * Dates as parents type them (day first: 14/03/2022) and as the API takes them (2022-03-14).
 * Pure functions, so the rules are unit-tested without Angular.
 */

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const DAY_FIRST = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): DateParts | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/** "14/03/2022", "14-3-2022", "14.03.2022" or "2022-03-14"; null for anything else or a day that does not exist. */
export function parseUkDateText(text: string): DateParts | null {
  const value = text.trim();
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) return realDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const iso = ISO.exec(value);
  return iso ? realDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** The calendar day a datepicker's Date stands for (local midnight), as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `YYYY-MM-DD` day as a local-midnight Date for the datepicker, or null. */
export function fromIsoDate(iso: string): Date | null {
  const parts = ISO.test(iso) ? parseUkDateText(iso) : null;
  return parts ? new Date(parts.year, parts.month - 1, parts.day) : null;
}

/** Today's date in the UK, whatever the device's time zone, as `YYYY-MM-DD`. */
export function ukTodayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBeforeIso(iso: string, years: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = year - years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}
