import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { formatUkRange } from '@app/modules/availability/time-ranges';
import { BookingErrorCode, BookingProblem } from './booking.exception';

/** A session shorter than this is not childcare. */
export const MIN_SESSION_MINUTES = 30;
/** A session longer than this is not day care (and breaks the childminder's own limits). */
export const MAX_SESSION_HOURS = 12;
export const MAX_WEEKS = 52;
/** Requests further ahead than this are guesses, not bookings. */
export const MAX_DAYS_AHEAD = 365;
export const MAX_CHILDREN_PER_BOOKING = 6;
/** A pending request the childminder has not answered in this time expires. */
export const PENDING_EXPIRY_HOURS = 48;
/** The reminder goes this long before the first session. */
export const REMINDER_HOURS = 24;

export interface Session {
  start: Date;
  end: Date;
}

/**
 * The sessions of a booking: the first one, then the same local times every week. Weekly steps
 * are taken in Europe/London, so 09:00 stays 09:00 across a clock change.
 */
export function sessionsFor(start: Date, end: Date, weeks: number): Session[] {
  const first = DateTime.fromJSDate(start, { zone: UK_ZONE });
  const last = DateTime.fromJSDate(end, { zone: UK_ZONE });
  return Array.from({ length: weeks }, (_, week) => ({
    start: first.plus({ weeks: week }).toJSDate(),
    end: last.plus({ weeks: week }).toJSDate(),
  }));
}

/** Hours of care across all sessions, to two decimals, for display. */
export const totalHours = (sessions: readonly Session[]) =>
  Math.round((sessions.reduce((sum, s) => sum + (+s.end - +s.start), 0) / 3_600_000) * 100) / 100;

/** hourly rate x hours x children, in whole pence (rounded half up). */
export function priceEstimatePence(hourlyRatePence: number, sessions: readonly Session[], children: number): number {
  const minutes = sessions.reduce((sum, s) => sum + Math.round((+s.end - +s.start) / 60_000), 0);
  return Math.round((hourlyRatePence * minutes * children) / 60);
}

/** What is wrong with the times themselves, before anyone's calendar is read. */
export function timingProblems(start: Date, end: Date, now: Date = new Date()): BookingProblem[] {
  const problem = (field: string, message: string): BookingProblem => ({
    code: BookingErrorCode.InvalidTimes,
    field,
    message,
  });
  if (end <= start) return [problem('endsAt', 'endsAt must be after startsAt')];
  const minutes = (+end - +start) / 60_000;
  const problems: BookingProblem[] = [];
  if (start <= now)
    problems.push(
      problem('startsAt', `the booking must start in the future (${formatUkRange(start, end)} has begun or passed)`),
    );
  if (+start > +now + MAX_DAYS_AHEAD * 86_400_000) {
    problems.push(problem('startsAt', `bookings can be made at most ${MAX_DAYS_AHEAD} days ahead`));
  }
  if (minutes < MIN_SESSION_MINUTES)
    problems.push(problem('endsAt', `a session lasts at least ${MIN_SESSION_MINUTES} minutes`));
  if (minutes > MAX_SESSION_HOURS * 60)
    problems.push(problem('endsAt', `a session lasts at most ${MAX_SESSION_HOURS} hours`));
  return problems;
}

/** "Tue 3 Mar 09:00-12:00" or "Tue 3 Mar 09:00-12:00, weekly for 4 weeks (until Tue 24 Mar)". */
export function describeSchedule(sessions: readonly Session[]): string {
  const first = sessions[0]!;
  const once = formatUkRange(first.start, first.end);
  if (sessions.length === 1) return once;
  const last = DateTime.fromJSDate(sessions[sessions.length - 1]!.start, { zone: UK_ZONE }).toFormat('ccc d LLL yyyy');
  return `${once}, weekly for ${sessions.length} weeks (until ${last})`;
}
