import { DateTime } from 'luxon';
import { UK_ZONE } from '@app/modules/children/child-age';
import { ageGroupOn } from '@app/modules/childminders/age-groups';
import type { Child } from '@app/modules/children/entities/child.entity';
import { describeSchedule, PENDING_EXPIRY_HOURS, Session, totalHours } from '../booking-rules';
import { Booking, BookingStatus } from '../entities/booking.entity';
import { BookingAction, BookingChildResponse, BookingResponse } from './booking.response';

/** Who is looking: decides the actions offered and whether children's details are shown. */
export type BookingViewer = 'parent' | 'childminder' | 'admin';

export const sessionsOf = (booking: Booking): Session[] =>
  [...(booking.sessions ?? [])]
    .sort((a, b) => +a.startsAt - +b.startsAt)
    .map((s) => ({ start: s.startsAt, end: s.endsAt }));

/** Confirmed and not yet finished: the time a childminder may read the children's details. */
export const isConfirmedOrInProgress = (booking: Booking, now: Date) =>
  booking.status === BookingStatus.Confirmed && booking.endsAt > now;

export function allowedActions(booking: Booking, viewer: BookingViewer, now: Date): BookingAction[] {
  const pending = booking.status === BookingStatus.Pending;
  const live = isConfirmedOrInProgress(booking, now);
  switch (viewer) {
    case 'parent':
      return pending ? [BookingAction.Modify, BookingAction.Cancel] : live ? [BookingAction.Cancel] : [];
    case 'childminder':
      return pending ? [BookingAction.Confirm, BookingAction.Reject] : live ? [BookingAction.Cancel] : [];
    case 'admin':
      return pending
        ? [BookingAction.Confirm, BookingAction.Reject, BookingAction.Cancel]
        : live
          ? [BookingAction.Cancel]
          : [];
  }
}

function toChild(child: Child, booking: Booking, viewer: BookingViewer, now: Date): BookingChildResponse {
  const showDetails = viewer !== 'childminder' || isConfirmedOrInProgress(booking, now);
  return {
    id: child.id,
    firstName: child.firstName,
    ageGroup: ageGroupOn(child.dateOfBirth, DateTime.fromJSDate(booking.startsAt, { zone: UK_ZONE })),
    details: showDetails
      ? {
          dateOfBirth: child.dateOfBirth,
          specialNeeds: child.specialNeeds,
          allergies: child.allergies,
          medicalNotes: child.medicalNotes,
        }
      : null,
  };
}

/**
 * The booking as `viewer` may see it. `children` are the booking's children (the caller loads
 * them through the children module); the booking carries its sessions, people and profile.
 */
export function toBookingResponse(
  booking: Booking,
  children: readonly Child[],
  viewer: BookingViewer,
  now: Date = new Date(),
): BookingResponse {
  const sessions = sessionsOf(booking);
  const linked = new Set((booking.children ?? []).map((link) => link.childId));
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    weeks: booking.weeks,
    schedule: sessions.length ? describeSchedule(sessions) : '',
    sessions: sessions.map((s) => ({ startsAt: s.start.toISOString(), endsAt: s.end.toISOString() })),
    totalHours: totalHours(sessions),
    children: children.filter((c) => linked.has(c.id)).map((c) => toChild(c, booking, viewer, now)),
    parent: {
      id: booking.parentId,
      firstName: booking.parent?.firstName ?? '',
      lastName: booking.parent?.lastName ?? '',
    },
    childminder: {
      userId: booking.childminderId,
      profileId: booking.profileId,
      displayName: booking.profile?.displayName ?? '',
      photoUrl: booking.profile?.photoUrl ?? null,
    },
    notes: booking.notes,
    hourlyRatePence: booking.hourlyRatePence,
    priceEstimatePence: booking.priceEstimatePence,
    statusReason: booking.statusReason,
    cancelledBy: booking.cancelledBy,
    expiresAt:
      booking.status === BookingStatus.Pending
        ? new Date(Math.min(+booking.createdAt + PENDING_EXPIRY_HOURS * 3_600_000, +booking.startsAt)).toISOString()
        : null,
    allowedActions: allowedActions(booking, viewer, now),
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}
