/**
 * The API's calendar events as FullCalendar event inputs, and the colours and words that tell
 * availability, time off and bookings apart (not by colour alone: titles say what they are).
 */
import type { EventInput } from '@fullcalendar/angular';
import type { CalendarEvent } from '@core/api/api-types';
import { BOOKING_STATUS_LABELS } from '@shared/bookings/booking-format';

export const EVENT_KIND_LABELS: Readonly<Record<CalendarEvent['kind'], string>> = {
  available: 'Available',
  unavailable: 'Time off',
  booking: 'Booking',
  google_busy: 'Busy in Google Calendar',
};

/** Accessible title: "Available: Weekday care", "Booking (Confirmed): Maya". */
export function eventTitle(event: CalendarEvent): string {
  if (event.kind === 'booking') {
    const status = event.status ? ` (${BOOKING_STATUS_LABELS[event.status]})` : '';
    return `Booking${status}: ${event.title}`;
  }
  if (event.kind === 'google_busy') return EVENT_KIND_LABELS.google_busy;
  return `${EVENT_KIND_LABELS[event.kind]}: ${event.title}`;
}

/** Colours from the Material theme (inline on the event, so no global stylesheet is needed). */
export const EVENT_COLOURS = {
  available: { color: 'var(--mat-sys-primary-container)', contrastColor: 'var(--mat-sys-on-primary-container)' },
  unavailable: {
    color: 'var(--mat-sys-surface-container-highest)',
    contrastColor: 'var(--mat-sys-on-surface)',
  },
  booking: { color: 'var(--mat-sys-tertiary)', contrastColor: 'var(--mat-sys-on-tertiary)' },
  /** Busy time read from her Google Calendar: Google's own blue, so it reads as "from Google". */
  google_busy: { color: '#1a73e8', contrastColor: '#ffffff' },
  pendingBooking: {
    color: 'var(--mat-sys-tertiary-container)',
    contrastColor: 'var(--mat-sys-on-tertiary-container)',
  },
} as const;

export function toEventInput(event: CalendarEvent): EventInput {
  const classes = [`cc-event`, `cc-event--${event.kind}`];
  if (event.status) classes.push(`cc-event--${event.status}`);
  const colours =
    event.kind === 'booking' && event.status === 'pending' ? EVENT_COLOURS.pendingBooking : EVENT_COLOURS[event.kind];
  return {
    id: event.id,
    title: eventTitle(event),
    start: event.startsAt,
    end: event.endsAt,
    className: classes.join(' '),
    ...colours,
    extendedProps: { source: event },
  };
}

/** The API event behind a FullCalendar event. */
export const sourceOf = (extendedProps: Record<string, unknown>): CalendarEvent | null =>
  (extendedProps['source'] as CalendarEvent | undefined) ?? null;
