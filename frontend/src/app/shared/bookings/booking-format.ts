/**
 * How bookings read on screen, as pure functions so that labels, ordering and times are
 * unit-tested without Angular. Times are always shown in UK time (Europe/London), money in GBP.
 */
import type { AgeGroup, Booking, BookingChild, BookingSession, BookingStatus } from '@core/api/api-types';
import { formatPence } from '@shared/money/format-pence';

export { formatPence };

export const BOOKING_STATUS_LABELS: Readonly<Record<BookingStatus, string>> = {
  pending: 'Waiting for an answer',
  confirmed: 'Confirmed',
  completed: 'Completed',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** The order statuses are offered in filters: those that need attention first. */
export const BOOKING_STATUSES: readonly BookingStatus[] = [
  'pending',
  'confirmed',
  'completed',
  'cancelled',
  'rejected',
  'expired',
];

export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = {
  baby: 'Under 1',
  toddler: 'Toddler (1–2)',
  preschool: 'Pre-school (3–4)',
  school_age: 'School age (5–7)',
  over_8: '8 and over',
};

const LONDON = 'Europe/London';
const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit' });

/** "Tue 3 Mar 2026, 09:00–12:00" in UK time. */
export function formatSession(session: BookingSession): string {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  return `${DAY.format(start).replace(',', '')}, ${TIME.format(start)}–${TIME.format(end)}`;
}

/** "Maya (Toddler (1–2)), Sam": first names with the age group when the API gives one. */
export function describeChildren(children: readonly BookingChild[]): string {
  if (!children.length) return 'No children named';
  return children
    .map((child) => (child.ageGroup ? `${child.firstName} (${AGE_GROUP_LABELS[child.ageGroup]})` : child.firstName))
    .join(', ');
}

/** "3 hours", "1 hour", "2.5 hours". */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} hour${rounded === 1 ? '' : 's'}`;
}

/** "Jane Smith", for the parent as the API names them. */
export const parentName = (booking: Pick<Booking, 'parent'>): string =>
  `${booking.parent.firstName} ${booking.parent.lastName}`.trim();

/** Pending requests first (soonest first), then the rest in the API's order (latest start first). */
export function sortPendingFirst<T extends Pick<Booking, 'status' | 'startsAt'>>(bookings: readonly T[]): T[] {
  const pending = bookings
    .filter((b) => b.status === 'pending')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return [...pending, ...bookings.filter((b) => b.status !== 'pending')];
}

/** The childminder's messages page, opened on a conversation with this booking's parent. */
export function messageParentLink(booking: Pick<Booking, 'parent'>): {
  path: string;
  queryParams: { to: string; name: string };
} {
  return { path: '/childminder/messages', queryParams: { to: booking.parent.id, name: parentName(booking) } };
}
