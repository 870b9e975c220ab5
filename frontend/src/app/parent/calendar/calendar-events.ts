/** The parent calendar feed as FullCalendar events. Pure, so the mapping is unit-tested. */
import type { CalendarEvent } from '@core/api/api-types';
import { STATUS_LABELS } from '../bookings/booking-rules';

export interface ParentCalendarEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  url?: string;
  className: string;
  /** For screen readers and the list view: the status in words. */
  extendedProps: { status: string | null; bookingId: string | null };
}

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
      extendedProps: { status: event.status, bookingId: event.bookingId },
    };
  });
}
