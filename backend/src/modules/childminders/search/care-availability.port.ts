import { Weekday } from '../childminder-vocabulary';

/**
 * Which weeks a search by days and times looks at: the next CARE_WEEKS full weeks, Monday to
 * Sunday in Europe/London, starting the Monday after today. A childminder matches when, in at
 * least one of those weeks, every requested day is covered. A family asks about their regular
 * week, not a date: a one-off holiday or appointment must not hide someone, while a childminder
 * with no suitable week in the coming month is not one they can start with. The window moves
 * with the calendar, so time off never excludes anyone for longer than it lasts.
 */
export const CARE_WEEKS = 4;

/** The care a family needs each week: these weekdays, from `from` to `to` in UK local time. */
export interface CareNeed {
  days: readonly Weekday[];
  /** `HH:mm`, 24-hour, Europe/London. */
  from: string;
  /** `HH:mm`, after `from` on the same day. */
  to: string;
}

/** A SQL condition with its own named parameters (the search's FilterClause has this shape). */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * What the search needs to know about availability: which childminders can give the care a
 * family needs. The availability module depends on this one, so it provides the answer under
 * this token from a small module of its own (CareAvailabilityModule) that this one imports.
 */
export abstract class CareAvailabilityPort {
  /**
   * The search's SQL condition for `need` on a childminder whose user id is `userIdColumn` in
   * the outer query (an EXISTS on the availability module's coverage table, by its index).
   */
  abstract coveringClause(need: CareNeed, userIdColumn: string): SqlCondition;

  /**
   * Of these childminders (user ids), the ones whose availability covers `need`, answered for
   * all of them at once. Which weeks count: CARE_WEEKS.
   */
  abstract usersCovering(childminderUserIds: readonly string[], need: CareNeed): Promise<ReadonlySet<string>>;
}
