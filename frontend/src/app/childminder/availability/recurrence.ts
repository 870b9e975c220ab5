/**
 * Weekly repetition of an availability block as an RFC 5545 RRULE, as the API takes it:
 * no DTSTART/TZID (the block's start sets the time; the server works in Europe/London) and an
 * UNTIL in the server's floating form (the UK wall-clock time written as if it were UTC).
 */

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAYS: readonly { code: Weekday; label: string; short: string }[] = [
  { code: 'MO', label: 'Monday', short: 'Mon' },
  { code: 'TU', label: 'Tuesday', short: 'Tue' },
  { code: 'WE', label: 'Wednesday', short: 'Wed' },
  { code: 'TH', label: 'Thursday', short: 'Thu' },
  { code: 'FR', label: 'Friday', short: 'Fri' },
  { code: 'SA', label: 'Saturday', short: 'Sat' },
  { code: 'SU', label: 'Sunday', short: 'Sun' },
];

const ORDER = WEEKDAYS.map((d) => d.code);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface WeeklyRepeat {
  /** Days of the week the block repeats on; none means a one-off block. */
  days: readonly Weekday[];
  /** Last UK date (YYYY-MM-DD, inclusive) with an occurrence; null repeats for ever. */
  until: string | null;
}

/**
 * `{ days: ['WE', 'MO'], until: '2026-12-18' }` -> `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261218T235959Z`.
 * Null when no day is chosen (a one-off block). Throws on a malformed date.
 */
export function buildWeeklyRrule(repeat: WeeklyRepeat): string | null {
  const days = ORDER.filter((code) => repeat.days.includes(code));
  if (!days.length) return null;
  const parts = ['FREQ=WEEKLY', `BYDAY=${days.join(',')}`];
  if (repeat.until) {
    const match = ISO_DATE.exec(repeat.until);
    if (!match) throw new Error(`Not a date: ${repeat.until}`);
    parts.push(`UNTIL=${match[1]}${match[2]}${match[3]}T235959Z`);
  }
  return parts.join(';');
}

/**
 * The weekly repetition a rule describes, for editing; null when the rule is not a plain weekly
 * one this form can show (then the editor keeps it as it is).
 */
export function parseWeeklyRrule(rule: string | null | undefined): WeeklyRepeat | null {
  if (!rule) return { days: [], until: null };
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((part) => {
        const [key, value = ''] = part.split('=');
        return [key!.trim().toUpperCase(), value.trim().toUpperCase()] as const;
      }),
  );
  if (parts.get('FREQ') !== 'WEEKLY') return null;
  const known = new Set(['FREQ', 'BYDAY', 'UNTIL', 'WKST']);
  if ([...parts.keys()].some((key) => !known.has(key))) return null;
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (!days.length || days.some((d) => !ORDER.includes(d as Weekday))) return null;
  const untilRaw = parts.get('UNTIL');
  let until: string | null = null;
  if (untilRaw) {
    const match = /^(\d{4})(\d{2})(\d{2})/.exec(untilRaw);
    if (!match) return null;
    until = `${match[1]}-${match[2]}-${match[3]}`;
  }
  return { days: ORDER.filter((code) => days.includes(code)), until };
}

/** "Every Monday and Wednesday until 18 December 2026", "Every weekday", "Does not repeat". */
export function describeRepeat(repeat: WeeklyRepeat | null): string {
  if (!repeat) return 'Repeats (custom rule)';
  if (!repeat.days.length) return 'Does not repeat';
  const names = WEEKDAYS.filter((d) => repeat.days.includes(d.code)).map((d) => d.label);
  const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR'];
  let days: string;
  if (names.length === 7) days = 'day';
  else if (names.length === 5 && weekdays.every((d) => repeat.days.includes(d as Weekday))) days = 'weekday';
  else if (names.length === 1) days = names[0]!;
  else days = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  if (!repeat.until) return `Every ${days}`;
  const [y, m, d] = repeat.until.split('-').map(Number);
  const until = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  return `Every ${days} until ${until}`;
}

/** The weekday code of a UK date (YYYY-MM-DD). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  const index = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay(); // 0 = Sunday
  return ORDER[(index + 6) % 7]!;
}
