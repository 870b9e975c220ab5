/** The parent calendar feed as FullCalendar events. Pure, so the mapping is unit-tested. */
import type { CalendarEvent } from '@core/api/api-types';
import { STATUS_LABELS } from '../bookings/booking-rules';
import type { BookingStatus } from '@core/api/api-types';

export interface ParentCalendarEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  url?: string;
  className: string;
  /** Material colours, inline on the event as the childminder calendars do (no global stylesheet). */
  color: string;
  contrastColor: string;
  /** For screen readers and the list view: the status in words. */
  extendedProps: { status: string | null; bookingId: string | null };
}

/**
 * Waiting for the childminder stands out from confirmed care; past care steps back. The other
 * statuses (declined, cancelled, expired) keep the calendar's primary colour; the title says
 * which it is, so colour is never the only sign.
 */
const PRIMARY = { color: 'var(--mat-sys-primary)', contrastColor: 'var(--mat-sys-on-primary)' };
const STATUS_COLOURS: Partial<Record<BookingStatus, { color: string; contrastColor: string }>> = {
  pending: { color: 'var(--mat-sys-tertiary)', contrastColor: 'var(--mat-sys-on-tertiary)' },
  confirmed: PRIMARY,
  completed: { color: 'var(--mat-sys-outline)', contrastColor: 'var(--mat-sys-surface)' },
};

/** Each booking session links to its booking; the status is in the title, not only in colour. */
export function toCalendarEvents(events: readonly CalendarEvent[]): ParentCalendarEvent[] {
  return events.map((event) => {
    const status = event.status ? STATUS_LABELS[event.status] : null;
    return {
      id: event.id,
      title: status ? `${event.title} (${status})` : event.title,
      start: event.startsAt,
      end: event.endsAt,
      ...(event.bookingId ? { url: `/parent/bookings/${event.bookingId}` } : {}),
      className: `booking-event booking-event--${event.status ?? event.kind}`,
      ...((event.status ? STATUS_COLOURS[event.status] : undefined) ?? PRIMARY),
      extendedProps: { status: event.status, bookingId: event.bookingId },
    };
  });
}
