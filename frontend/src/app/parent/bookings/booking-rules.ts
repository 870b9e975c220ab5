/**
 * Pure rules of the booking screens: the request body from the form, the words for statuses and
 * refusals, money. No Angular here, so each rule is unit-tested on its own.
 */
import type {
  BookingErrorCode,
  BookingProblem,
  BookingStatus,
  CreateBookingRequest,
  UpdateBookingRequest,
} from '@core/api/api-types';

/** Limits the server enforces (backend bookings/booking-rules.ts); the form checks them first. */
export const BOOKING_LIMITS = {
  maxWeeks: 52,
  maxChildren: 6,
  minSessionMinutes: 30,
  maxSessionHours: 12,
  notes: 2000,
  reasonMin: 3,
  reason: 500,
} as const;

/** What the request form holds: UK wall-clock date and times, as the inputs give them. */
export interface BookingFormValue {
  childIds: readonly string[];
  /** YYYY-MM-DD, a UK date */
  date: string;
  /** HH:mm, UK time */
  start: string;
  /** HH:mm, UK time */
  end: string;
  repeat: 'once' | 'weekly';
  weeks: number | null;
  notes: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The part of the request form a problem belongs to: the field its message is linked to. */
export type BookingField = 'children' | 'date' | 'time' | 'weeks';

export interface FormProblem {
  field: BookingField;
  message: string;
}

/**
 * Every reason the form cannot be quoted yet, in the parent's words and in the order of the
 * form, each with the field it belongs to; empty when the form is complete. The start and end
 * times share one message.
 */
export function formProblems(value: BookingFormValue): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!value.childIds.length) problems.push({ field: 'children', message: 'Choose at least one child.' });
  if (!DATE.test(value.date)) problems.push({ field: 'date', message: 'Choose a date.' });
  const time = timeProblem(value.start, value.end);
  if (time) problems.push({ field: 'time', message: time });
  if (value.repeat === 'weekly') {
    const weeks = value.weeks ?? 0;
    if (!Number.isInteger(weeks) || weeks < 2 || weeks > BOOKING_LIMITS.maxWeeks)
      problems.push({ field: 'weeks', message: `Choose between 2 and ${BOOKING_LIMITS.maxWeeks} weeks.` });
  }
  return problems;
}

function timeProblem(start: string, end: string): string | null {
  if (!TIME.test(start) || !TIME.test(end)) return 'Choose a start and an end time.';
  const length = minutesOf(end) - minutesOf(start);
  if (length <= 0) return 'The session must end after it starts.';
  if (length < BOOKING_LIMITS.minSessionMinutes)
    return `A session must be at least ${BOOKING_LIMITS.minSessionMinutes} minutes.`;
  if (length > BOOKING_LIMITS.maxSessionHours * 60)
    return `A session can be at most ${BOOKING_LIMITS.maxSessionHours} hours.`;
  return null;
}

/** Why the form cannot be quoted yet (its first problem), in the parent's words; null when it can. */
export function formGap(value: BookingFormValue): string | null {
  return formProblems(value)[0]?.message ?? null;
}

/** Number of weekly sessions the form asks for (1 for a single session). */
export const weeksOf = (value: Pick<BookingFormValue, 'repeat' | 'weeks'>): number =>
  value.repeat === 'weekly' ? (value.weeks ?? 1) : 1;

/**
 * The body of `bookings/create` and `bookings/quote`, or null while the form is incomplete.
 * Times go without an offset: the API reads them as Europe/London wall-clock times, so a weekly
 * pattern keeps its local time across the clock changes whatever the device's zone.
 */
export function toBookingRequest(childminderId: string, value: BookingFormValue): CreateBookingRequest | null {
  if (!childminderId || formGap(value) !== null) return null;
  const notes = value.notes.trim();
  return {
    childminderId,
    childIds: [...value.childIds],
    startsAt: `${value.date}T${value.start}:00`,
    endsAt: `${value.date}T${value.end}:00`,
    weeks: weeksOf(value),
    ...(notes ? { notes } : {}),
  };
}

/** The body of a change to a pending request: times, weeks and notes (blank clears). */
export function toBookingUpdate(value: Omit<BookingFormValue, 'childIds'>): UpdateBookingRequest | null {
  const request = toBookingRequest('-', { ...value, childIds: ['-'] });
  if (!request) return null;
  return {
    startsAt: request.startsAt,
    endsAt: request.endsAt,
    weeks: request.weeks,
    notes: value.notes.trim() || null,
  };
}

const LONDON = 'Europe/London';
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the UK date (YYYY-MM-DD) and time (HH:mm) a form shows. */
export function toUkWallClock(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** 7.5 -> "7.5 hours", 1 -> "1 hour". */
export const formatHours = (hours: number): string =>
  `${Number.isInteger(hours) ? hours : hours.toFixed(1).replace(/\.0$/, '')} hour${hours === 1 ? '' : 's'}`;

const TIME_OF_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', day: 'numeric', month: 'short' });

/** "Tue 3 Mar, 09:00–12:00" for one session, in UK time. */
export function formatSession(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  return `${DAY.format(start).replace(',', '')}, ${TIME_OF_DAY.format(start)}–${TIME_OF_DAY.format(new Date(endsAt))}`;
}

export const STATUS_LABELS: Record<BookingStatus, string> = {
  pending: 'Waiting for the childminder',
  confirmed: 'Confirmed',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
  completed: 'Completed',
};

/** Filter chips on the list, in a parent's order of interest. */
export const STATUS_FILTERS: readonly BookingStatus[] = [
  'pending',
  'confirmed',
  'completed',
  'cancelled',
  'rejected',
  'expired',
];

/** A step of the status timeline on the booking detail. */
export interface TimelineStep {
  label: string;
  /** When it happened, when known. */
  at: string | null;
  state: 'done' | 'current' | 'ahead' | 'stopped';
  note?: string;
}

/**
 * Requested, then the childminder's answer, then care. A stopped booking (declined, cancelled,
 * expired) ends at the step that stopped it, with the reason.
 */
export function statusTimeline(booking: {
  status: BookingStatus;
  createdAt: string;
  updatedAt: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string | null;
  statusReason: string | null;
  cancelledBy: string | null;
}): TimelineStep[] {
  const requested: TimelineStep = { label: 'Requested', at: booking.createdAt, state: 'done' };
  const reason = booking.statusReason ?? undefined;
  switch (booking.status) {
    case 'pending':
      return [
        requested,
        {
          label: 'Waiting for the childminder',
          at: null,
          state: 'current',
          note: booking.expiresAt ? 'The request expires if not answered in time.' : undefined,
        },
        { label: 'Care starts', at: booking.startsAt, state: 'ahead' },
      ];
    case 'confirmed':
      return [
        requested,
        { label: 'Confirmed', at: booking.updatedAt, state: 'done' },
        { label: 'Care starts', at: booking.startsAt, state: 'current' },
        { label: 'Completed', at: booking.endsAt, state: 'ahead' },
      ];
    case 'completed':
      return [
        requested,
        { label: 'Confirmed', at: null, state: 'done' },
        { label: 'Completed', at: booking.endsAt, state: 'done' },
      ];
    case 'rejected':
      return [
        requested,
        { label: 'Declined by the childminder', at: booking.updatedAt, state: 'stopped', note: reason },
      ];
    case 'expired':
      return [
        requested,
        { label: 'Expired without an answer', at: booking.expiresAt ?? booking.updatedAt, state: 'stopped' },
      ];
    case 'cancelled':
      return [
        requested,
        {
          label: `Cancelled${booking.cancelledBy ? ` by ${cancelledByLabel(booking.cancelledBy)}` : ''}`,
          at: booking.updatedAt,
          state: 'stopped',
          note: reason,
        },
      ];
  }
}

const cancelledByLabel = (who: string) =>
  who === 'parent' ? 'you' : who === 'childminder' ? 'the childminder' : 'Childminder Connect';

/** Headings for each rule a request can break; the API's message says when. */
export const PROBLEM_TITLES: Record<BookingErrorCode, string> = {
  BOOKING_NOT_FOUND: 'Booking not found',
  BOOKING_CHILD_NOT_FOUND: 'Child not found',
  BOOKING_INVALID_TIMES: 'Times not possible',
  BOOKING_OUTSIDE_AVAILABILITY: 'Outside the childminder’s available time',
  BOOKING_DURING_TIME_OFF: 'During the childminder’s time off',
  BOOKING_OVER_CAPACITY: 'No place for your child at that time',
  BOOKING_CHILD_ALREADY_BOOKED: 'Your child is already booked',
  BOOKING_AGE_GROUP_NOT_CARED_FOR: 'Age group not cared for',
  BOOKING_CHILDMINDER_NOT_BOOKABLE: 'Not taking bookings',
  BOOKING_INVALID_TRANSITION: 'Cannot be changed now',
  BOOKING_BUSY: 'The childminder’s calendar is busy: try again',
};

/** One group of refusals: a rule and every time it is broken. */
export interface ProblemGroup {
  code: string;
  title: string;
  messages: string[];
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Problems grouped by rule, in the order the API lists them; unknown codes keep a plain title. */
export function groupProblems(problems: readonly Pick<BookingProblem, 'code' | 'message'>[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const group = groups.get(problem.code) ?? {
      code: problem.code,
      title: PROBLEM_TITLES[problem.code as BookingErrorCode] ?? 'This request can’t be booked',
      messages: [],
    };
    group.messages.push(upperFirst(problem.message));
    groups.set(problem.code, group);
  }
  return [...groups.values()];
}

/** A refused create (409/400 with details) as problem groups: the details list every rule. */
export function refusalGroups(code: string, message: string, details: readonly { message: string }[]): ProblemGroup[] {
  const messages = details.length ? details.map((d) => upperFirst(d.message)) : [message];
  // The code is the first problem's: with several, a rule's title could mislead, so say it plainly.
  const title =
    messages.length === 1
      ? (PROBLEM_TITLES[code as BookingErrorCode] ?? 'This request can’t be booked')
      : 'This request can’t be booked';
  return [{ code, title, messages }];
}
