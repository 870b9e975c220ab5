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
