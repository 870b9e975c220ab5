import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Role } from '@app/common/auth/role';
import { BookingDashboardService } from '@app/modules/bookings/booking-dashboard.service';
import { CalendarEventKind, CalendarEventResponse } from '@app/modules/bookings/dto/booking.response';
import { BookingStatus } from '@app/modules/bookings/entities/booking.entity';

export type EntryKind = 'booking' | 'available' | 'unavailable';

/** One thing on a user's outside calendar (Google or ICS). */
export interface CalendarEntry {
  /** Stable: `booking:<sessionId>` or `block:<blockId>:<date>`. */
  key: string;
  kind: EntryKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** Bookings that are promised or given; requests and cancelled ones stay off outside calendars. */
const SHARED_STATUSES: readonly (BookingStatus | null)[] = [BookingStatus.Confirmed, BookingStatus.Completed];

/**
 * The entries an outside calendar shows from the product's own calendar: confirmed bookings,
 * and for childminders their own available time and time off. Busy time that came from Google
 * is never sent back.
 */
export function toCalendarEntries(events: readonly CalendarEventResponse[]): CalendarEntry[] {
  return events.flatMap((event): CalendarEntry[] => {
    const base = { key: event.id, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) };
    switch (event.kind) {
      case CalendarEventKind.Booking:
        return SHARED_STATUSES.includes(event.status) ? [{ ...base, kind: 'booking', title: event.title }] : [];
      case CalendarEventKind.Available:
        return [{ ...base, kind: 'available', title: `Available: ${event.title}` }];
      case CalendarEventKind.Unavailable:
        return [{ ...base, kind: 'unavailable', title: `Time off: ${event.title}` }];
      case CalendarEventKind.GoogleBusy:
        return [];
    }
  });
}

/** What a pushed event says, hashed: a change in any of it means the event is patched. */
export const entryHash = (entry: CalendarEntry) =>
  createHash('sha256')
    .update(JSON.stringify([entry.kind, entry.title, +entry.startsAt, +entry.endsAt]))
    .digest('hex');

/** Reads a user's calendar from the bookings module (which asks availability for blocks). */
@Injectable()
export class CalendarEntriesSource {
  constructor(private readonly dashboards: BookingDashboardService) {}

  async entriesFor(user: { userId: string; role: Role }, from: Date, to: Date): Promise<CalendarEntry[]> {
    const events =
      user.role === Role.Childminder
        ? await this.dashboards.childminderEvents(user.userId, from, to)
        : await this.dashboards.parentEvents(user.userId, from, to);
    return toCalendarEntries(events);
  }
}
