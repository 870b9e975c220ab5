import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { CARE_WEEKS, CareNeed } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityType } from './entities/availability-block.entity';
import { expandBlock, RecurringBlock } from './recurrence';
import { subtractRanges, TimeRange } from './time-ranges';

/** What matching reads of a block: its times, its repeat and whether it is time off. */
export interface TypedBlock extends RecurringBlock {
  type: AvailabilityType;
}

/** One week of a search: the spans of care needed in it, in real time, and their envelope. */
export interface CareWeek {
  /** One span per requested day, earliest first. */
  needed: TimeRange[];
  /** From the first needed start to the last needed end: the only part of the week expanded. */
  window: { from: Date; to: Date };
}

/** `date` at the UK wall-clock time `HH:mm` (a time in the spring-forward gap moves on an hour). */
const at = (date: DateTime, time: string): DateTime =>
  date.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: 0, millisecond: 0 });

/**
 * The weeks a search by days and times checks (CARE_WEEKS full weeks, Monday to Sunday in
 * Europe/London, from the Monday after `now`), each with the requested days' spans. Built from
 * wall-clock times, so "Monday 08:00-18:00" is 08:00 local on both sides of a clock change.
 */
export function careWeeks(need: CareNeed, now: Date = new Date()): CareWeek[] {
  const firstMonday = DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf('week').plus({ weeks: 1 });
  return Array.from({ length: CARE_WEEKS }, (_, index) => {
    const monday = firstMonday.plus({ weeks: index });
    const needed = need.days
      .map((day) => {
        const date = monday.plus({ days: WEEKDAYS.indexOf(day) });
        return { start: at(date, need.from).toMillis(), end: at(date, need.to).toMillis() };
      })
      .sort((a, b) => a.start - b.start);
    return {
      needed,
      window: { from: new Date(needed[0]!.start), to: new Date(Math.max(...needed.map((n) => n.end))) },
    };
  });
}

/** The occurrences of `blocks` overlapping the window, as spans. */
const spansIn = (blocks: readonly TypedBlock[], window: CareWeek['window']): TimeRange[] =>
  blocks.flatMap((block) =>
    expandBlock(block, window.from, window.to).map((o) => ({ start: +o.startsAt, end: +o.endsAt })),
  );

/**
 * Whether one childminder's blocks give the care needed: in at least one of `weeks`, every
 * requested span lies inside available time (touching blocks join up) with no time off in it.
 * Weeks are tried in order and expanded one at a time, so a regular childminder costs one week.
 */
export function coversCare(blocks: readonly TypedBlock[], weeks: readonly CareWeek[]): boolean {
  const available = blocks.filter((b) => b.type === AvailabilityType.Available);
  if (available.length === 0) return false;
  const off = blocks.filter((b) => b.type === AvailabilityType.Unavailable);
  return weeks.some((week) => {
    const open = subtractRanges(spansIn(available, week.window), spansIn(off, week.window));
    return week.needed.every((span) => open.some((r) => r.start <= span.start && r.end >= span.end));
  });
}

// --- the coverage table: the same rule, kept ahead of time so that SQL can answer it ----------

/**
 * How many weeks the coverage table holds: the search's CARE_WEEKS and one more, so that when a
 * new week starts the window is already there, whenever the daily roll-forward runs.
 */
export const COVERAGE_WEEKS = CARE_WEEKS + 1;

/**
 * One row of the coverage table: on `weekday` (0 = Monday) of the week starting `weekStart`, an
 * unbroken stretch of open time (available, no time off) from `openFrom` to `openTo`, in minutes
 * of real time since that day's UK midnight. On all but two days a year that is the wall-clock
 * minute; across a clock change it is not, and the search's times are converted the same way.
 * Clamped to the day (a stretch from the evening before starts at 0).
 */
export interface CoverageRow {
  weekStart: string;
  weekday: number;
  openFrom: number;
  openTo: number;
}

const firstSearchedMonday = (now: Date): DateTime =>
  DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf('week').plus({ weeks: 1 });

/**
 * Luxon in a named zone costs tens of microseconds per step, and a search asks for these on every
 * request: answers are remembered per quarter hour (London's days start on the hour) and per
 * care needed. Bounded by clearing.
 */
const remembered = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  if (remembered.has(key)) return remembered.get(key) as T;
  const value = compute();
  if (remembered.size >= 2000) remembered.clear();
  remembered.set(key, value);
  return value;
}

/** The Mondays (`YYYY-MM-DD`) whose weeks the table holds at `now`: the searched weeks, then one more. */
export function coverageWeekStarts(now: Date = new Date()): readonly string[] {
  return remember(`weeks ${Math.floor(+now / 900_000)}`, () => {
    const first = firstSearchedMonday(now);
    return Array.from({ length: COVERAGE_WEEKS }, (_, i) => first.plus({ weeks: i }).toISODate()!);
  });
}

const MINUTE_MS = 60_000;
/** A day's UK midnight, as an instant (midnight is never skipped in London). */
const midnight = (date: DateTime): number => date.startOf('day').toMillis();

/** `time` (`HH:mm`, wall clock) on `date`, in minutes of real time since that day's midnight. */
const realMinute = (date: DateTime, time: string): number => (at(date, time).toMillis() - midnight(date)) / MINUTE_MS;

/**
 * The coverage rows of one childminder's blocks for the weeks starting on `weekStarts`: per week,
 * the open time as coversCare computes it (available time, touching blocks joined, minus time
 * off), cut into days. Searching the rows (`coveringWeeks`) gives what coversCare gives.
 */
export function coverageRows(blocks: readonly TypedBlock[], weekStarts: readonly string[]): CoverageRow[] {
  const available = blocks.filter((b) => b.type === AvailabilityType.Available);
  if (available.length === 0) return [];
  const off = blocks.filter((b) => b.type === AvailabilityType.Unavailable);
  // Two stretches starting within the same minute give the same openFrom: the longer one answers
  // every question the shorter one does, so it alone is kept (the table's key has no duplicates).
  const rows = new Map<string, CoverageRow>();
  for (const weekStart of weekStarts) {
    const monday = DateTime.fromISO(weekStart, { zone: UK_ZONE });
    const window = { from: monday.toJSDate(), to: monday.plus({ weeks: 1 }).toJSDate() };
    const open = subtractRanges(spansIn(available, window), spansIn(off, window));
    if (open.length === 0) continue;
    for (let weekday = 0; weekday < 7; weekday++) {
      const date = monday.plus({ days: weekday });
      const dayStart = midnight(date);
      const dayEnd = midnight(date.plus({ days: 1 }));
      const length = (dayEnd - dayStart) / MINUTE_MS;
      for (const range of open) {
        if (range.end <= dayStart || range.start >= dayEnd) continue;
        const openFrom = Math.max(0, Math.ceil((range.start - dayStart) / MINUTE_MS));
        const openTo = Math.min(length, Math.floor((range.end - dayStart) / MINUTE_MS));
        const key = `${weekStart}/${weekday}/${openFrom}`;
        if ((rows.get(key)?.openTo ?? -Infinity) < openTo) rows.set(key, { weekStart, weekday, openFrom, openTo });
      }
    }
  }
  return [...rows.values()];
}

/**
 * A search's question to the coverage table, for one group of (week, weekday) pairs that share
 * the same needed minutes: a row of each weekday in one of the weeks must hold [from, to].
 */
export interface CoverageAsk {
  weekStarts: string[];
  weekdays: number[];
  from: number;
  to: number;
}

/**
 * The care needed, as questions to the coverage table over the searched weeks (careWeeks' weeks).
 * Normally one question (the same minutes every week); a week with a clock change on a needed
 * day gets its own. A childminder matches when, for some week, every needed weekday has a row
 * holding the minutes asked on that day.
 */
export function coverageAsks(
  need: CareNeed,
  now: Date = new Date(),
): readonly { week: string; asks: readonly CoverageAsk[] }[] {
  const weeks = coverageWeekStarts(now).slice(0, CARE_WEEKS);
  return remember(`asks ${weeks[0]} ${need.days.join()} ${need.from} ${need.to}`, () => askWeeks(need, weeks));
}

function askWeeks(need: CareNeed, weeks: readonly string[]): { week: string; asks: CoverageAsk[] }[] {
  const weekdays = [...new Set(need.days.map((day) => WEEKDAYS.indexOf(day)))].sort();
  return weeks.map((week) => {
    const monday = DateTime.fromISO(week, { zone: UK_ZONE });
    const byMinutes = new Map<string, CoverageAsk>();
    for (const weekday of weekdays) {
      const date = monday.plus({ days: weekday });
      const from = realMinute(date, need.from);
      const to = realMinute(date, need.to);
      const key = `${from}-${to}`;
      const ask = byMinutes.get(key);
      if (ask) ask.weekdays.push(weekday);
      else byMinutes.set(key, { weekStarts: [week], weekdays: [weekday], from, to });
    }
    return { week, asks: [...byMinutes.values()] };
  });
}
