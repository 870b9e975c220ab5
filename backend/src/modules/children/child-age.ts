import { DateTime } from 'luxon';

/** Ages and "today" are UK calendar dates, whatever the server's time zone. */
export const UK_ZONE = 'Europe/London';

/** The oldest a child on the platform may be, in years. */
export const MAX_CHILD_AGE_YEARS = 18;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in the UK, at the start of the day. */
export function ukToday(now: Date = new Date()): DateTime {
  return DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf('day');
}

/** A strict `YYYY-MM-DD` that names a real day (not 2023-02-30), or null. */
export function parseIsoDate(value: unknown): DateTime | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: UK_ZONE });
  return date.isValid && date.toISODate() === value ? date : null;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * How old a child is, as a parent would say it: "2 years 3 months", "1 year", "5 months",
 * "3 weeks", "4 days", "Born today". Calendar arithmetic in the UK zone, so a birthday starts at
 * UK midnight and month lengths are respected.
 */
export function describeAge(dateOfBirth: string, today: DateTime = ukToday()): string {
  const born = parseIsoDate(dateOfBirth);
  if (!born) return '';
  const day = today.setZone(UK_ZONE).startOf('day');
  if (born > day) return 'Not born yet';
  const { years, months, days } = day.diff(born, ['years', 'months', 'days']).toObject();
  const [y, m, d] = [Math.floor(years ?? 0), Math.floor(months ?? 0), Math.floor(days ?? 0)];
  if (y > 0) return m > 0 ? `${plural(y, 'year')} ${plural(m, 'month')}` : plural(y, 'year');
  if (m > 0) return plural(m, 'month');
  if (d >= 7) return plural(Math.floor(d / 7), 'week');
  return d > 0 ? plural(d, 'day') : 'Born today';
}
