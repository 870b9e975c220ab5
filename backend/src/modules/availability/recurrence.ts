import { DateTime, IANAZone } from 'luxon';
import { Frequency, Options, RRule } from 'rrule';
import { UK_ZONE } from '@app/modules/children/child-age';

/**
 * Recurring availability in Europe/London.
 *
 * The `rrule` library computes in UTC. To keep "Mondays 08:00-18:00" at 08:00 local time on both
 * sides of a clock change, each rule runs on *floating* times: the local wall-clock time written
 * as if it were UTC. Every occurrence is then read back as a wall-clock time in Europe/London,
 * so the instant moves by an hour across a clock change and the local time does not.
 */

/**
 * Europe/London with its UTC offset remembered per quarter hour. Luxon asks Intl for the offset
 * on every conversion, and expansion converts several times per occurrence: the search by days
 * and times expands every candidate's blocks, where this was most of the cost. The offset of an
 * instant never changes, and London's clocks change on the hour (01:00 UTC), so a quarter-hour
 * bucket gives exactly the offset Intl would. The cache is bounded by clearing it.
 */
class CachedOffsetZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / 900_000);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.offsets.size >= 50_000) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}
const LONDON = new CachedOffsetZone(UK_ZONE);

/** Longest a recurring block may run, so that expanding it stays cheap. */
export const MAX_RECURRENCE_YEARS = 5;
export const MAX_RECURRENCE_COUNT = 1000;
export const MAX_EXCEPTION_DATES = 366;

const ALLOWED_FREQUENCIES = new Set([Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY]);
/** Parts that would change the time of day or the anchor: the block's own start sets those. */
const REFUSED_PARTS = ['DTSTART', 'TZID', 'BYHOUR', 'BYMINUTE', 'BYSECOND'];

export interface RecurringBlock {
  startsAt: Date;
  endsAt: Date;
  /** RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=MO`), or null for a one-off block. */
  recurrence: string | null;
  /** Local dates (`YYYY-MM-DD`) on which an occurrence is skipped. */
  exceptionDates: readonly string[];
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** The UK date the occurrence starts on: what an exception date names. */
  date: string;
}

/** `RRULE:FREQ=WEEKLY;byday=mo` -> `FREQ=WEEKLY;BYDAY=MO`. */
export function normaliseRecurrence(value: string): string {
  return value
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((part) => part.trim())
    .map((part) => part.trim().toUpperCase())
    .join(';');
}

/**
 * What is wrong with a recurrence rule for a block starting at `startsAt`, in words a person can
 * act on; null when it is acceptable.
 */
export function recurrenceProblem(value: string, startsAt: Date): string | null {
  const rule = normaliseRecurrence(value);
  if (!rule) return 'recurrence is empty';
  const names = rule.split(';').map((part) => part.split('=')[0]!);
  const refused = names.find((name) => REFUSED_PARTS.includes(name));
  if (refused) return `recurrence must not contain ${refused}: the block's start sets the time and zone`;
  let options: Partial<Options>;
  try {
    options = RRule.parseString(rule);
  } catch (error) {
    return `recurrence is not a valid RFC 5545 rule (${(error as Error).message})`;
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    return 'recurrence must repeat DAILY, WEEKLY, MONTHLY or YEARLY';
  }
  if (
    options.count !== undefined &&
    options.count !== null &&
    (options.count < 1 || options.count > MAX_RECURRENCE_COUNT)
  ) {
    return `recurrence COUNT must be between 1 and ${MAX_RECURRENCE_COUNT}`;
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 52)) {
    return 'recurrence INTERVAL must be between 1 and 52';
  }
  const latest = toFloating(DateTime.fromJSDate(startsAt, { zone: LONDON }).plus({ years: MAX_RECURRENCE_YEARS }));
  if (options.until && options.until > latest) {
    return `recurrence must end within ${MAX_RECURRENCE_YEARS} years (UNTIL)`;
  }
  const first = buildRule(rule, startsAt).after(toFloating(DateTime.fromJSDate(startsAt, { zone: LONDON })), true);
  if (!first) return 'recurrence has no occurrences';
  return null;
}

/** The wall-clock time of `local`, written as a UTC Date (rrule's "floating" time). */
function toFloating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

/** A floating time read back as a wall-clock time in Europe/London (a gap hour moves forward). */
function fromFloating(floating: Date): DateTime {
  return DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      second: floating.getUTCSeconds(),
    },
    { zone: LONDON },
  );
}

function buildRule(recurrence: string, startsAt: Date): RRule {
  const options = RRule.parseString(normaliseRecurrence(recurrence));
  const dtstart = toFloating(DateTime.fromJSDate(startsAt, { zone: LONDON }));
  return new RRule({ ...options, dtstart, tzid: null });
}

/** The block's length in wall-clock time: 08:00-18:00 is ten hours on every day, clock change or not. */
function wallClockMs(block: RecurringBlock): number {
  const start = toFloating(DateTime.fromJSDate(block.startsAt, { zone: LONDON }));
  const end = toFloating(DateTime.fromJSDate(block.endsAt, { zone: LONDON }));
  return end.getTime() - start.getTime();
}

function occurrenceFrom(floatingStart: Date, lengthMs: number): Occurrence {
  const start = fromFloating(floatingStart);
  const end = fromFloating(new Date(floatingStart.getTime() + lengthMs));
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate(), date: start.toISODate()! };
}

/** The block's occurrences that overlap [from, to), earliest first, exception dates left out. */
export function expandBlock(block: RecurringBlock, from: Date, to: Date): Occurrence[] {
  if (!block.recurrence) {
    const single = {
      startsAt: block.startsAt,
      endsAt: block.endsAt,
      date: DateTime.fromJSDate(block.startsAt, { zone: LONDON }).toISODate()!,
    };
    return single.startsAt < to && single.endsAt > from && !block.exceptionDates.includes(single.date) ? [single] : [];
  }
  const lengthMs = wallClockMs(block);
  const rule = buildRule(block.recurrence, block.startsAt);
  // Search a little wider in floating time (an hour of offset, plus the block's length), then
  // keep exactly the occurrences that overlap the window in real time.
  const margin = 2 * 3_600_000;
  const after = new Date(toFloating(DateTime.fromJSDate(from, { zone: LONDON })).getTime() - lengthMs - margin);
  const before = new Date(toFloating(DateTime.fromJSDate(to, { zone: LONDON })).getTime() + margin);
  const skipped = new Set(block.exceptionDates);
  return rule
    .between(after, before, true)
    .map((start) => occurrenceFrom(start, lengthMs))
    .filter((o) => o.startsAt < to && o.endsAt > from && !skipped.has(o.date));
}

/**
 * When the block's last occurrence ends, or null if it repeats for ever. Stored so that a range
 * query can skip blocks that are over without expanding them.
 */
export function lastEnd(block: RecurringBlock): Date | null {
  if (!block.recurrence) return block.endsAt;
  const rule = buildRule(block.recurrence, block.startsAt);
  if (!rule.options.count && !rule.options.until) return null;
  const all = rule.all((_, index) => index < MAX_RECURRENCE_COUNT * 2);
  const last = all[all.length - 1];
  return last ? occurrenceFrom(last, wallClockMs(block)).endsAt : block.endsAt;
}
