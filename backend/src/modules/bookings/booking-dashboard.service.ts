import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { AvailabilityService, MAX_RANGE_DAYS, resolveRange } from '@app/modules/availability/availability.service';
import { AvailabilityBlockDto, TimeRangeQuery } from '@app/modules/availability/dto/availability-block.dto';
import {
  AvailabilityBlockResponse,
  AvailabilityOccurrenceResponse,
} from '@app/modules/availability/dto/availability.response';
import { AvailabilitySource, AvailabilityType } from '@app/modules/availability/entities/availability-block.entity';
import { UK_ZONE } from '@app/modules/children/child-age';
import { ChildrenService } from '@app/modules/children/children.service';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import { MessagingService } from '@app/modules/messaging/messaging.service';
import { EntitlementsService } from '@app/modules/subscriptions/entitlements/entitlements.service';
import { BookingsRepository, CalendarSession } from './bookings.repository';
import { DeleteCalendarEntryQuery } from './dto/booking-queries';
import {
  CalendarEventKind,
  CalendarEventResponse,
  CalendarResponse,
  ChildminderStatsResponse,
  ParentStatsResponse,
} from './dto/booking.response';
import { BookingStatus } from './entities/booking.entity';

/** Bookings that belong on a calendar: asked for, promised or given. */
const CALENDAR_STATUSES = [BookingStatus.Pending, BookingStatus.Confirmed, BookingStatus.Completed];
const CALENDAR_DEFAULT_DAYS = 42;

/** The parent's and the childminder's dashboards: stats and calendars. */
@Injectable()
export class BookingDashboardService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly availability: AvailabilityService,
    private readonly children: ChildrenService,
    private readonly childminders: ChildmindersService,
    private readonly messaging: MessagingService,
    private readonly entitlements: EntitlementsService,
  ) {}

  async parentStats(auth: AuthContext): Promise<ParentStatsResponse> {
    const now = new Date();
    const [upcomingBookings, pendingRequests, childrenCount, unreadMessages, subscription] = await Promise.all([
      this.bookings.count({ parentId: auth.userId, status: BookingStatus.Confirmed, endsAfter: now }),
      this.bookings.count({ parentId: auth.userId, status: BookingStatus.Pending }),
      this.children.countForParent(auth.userId),
      this.messaging.countUnread(auth.userId),
      this.entitlements.statusFor(auth.userId, auth.role),
    ]);
    return { upcomingBookings, pendingRequests, childrenCount, unreadMessages, subscription };
  }

  async childminderStats(auth: AuthContext): Promise<ChildminderStatsResponse> {
    const now = new Date();
    const [upcomingBookings, pendingRequests, childrenCount, profile, unreadMessages, subscription] = await Promise.all(
      [
        this.bookings.count({ childminderId: auth.userId, status: BookingStatus.Confirmed, endsAfter: now }),
        this.bookings.count({ childminderId: auth.userId, status: BookingStatus.Pending }),
        this.bookings.countCurrentChildren(auth.userId, now),
        this.childminders.findByUserId(auth.userId),
        this.messaging.countUnread(auth.userId),
        this.entitlements.statusFor(auth.userId, auth.role),
      ],
    );
    return {
      upcomingBookings,
      pendingRequests,
      childrenCount,
      profileCompleteness: profile?.completeness ?? 0,
      profileComplete: profile?.complete ?? false,
      unreadMessages,
      subscription,
    };
  }

  /** The parent's booking sessions in the range (default: today for six weeks). */
  async parentCalendar(auth: AuthContext, query: TimeRangeQuery): Promise<CalendarResponse> {
    const { from, to } = resolveRange(query, { defaultDays: CALENDAR_DEFAULT_DAYS, maxDays: MAX_RANGE_DAYS });
    return calendar(from, to, await this.parentEvents(auth.userId, from, to));
  }

  /** A parent's booking sessions in [from, to): their calendar, Google sync and ICS feed. */
  async parentEvents(parentId: string, from: Date, to: Date): Promise<CalendarEventResponse[]> {
    const sessions = await this.bookings.calendarSessions({ parentId }, from, to, CALENDAR_STATUSES);
    return sessions.map((s) => sessionEvent(s, `Care with ${s.booking.profile?.displayName ?? 'childminder'}`));
  }

  /** The childminder's availability occurrences and booking sessions in the range. */
  async childminderCalendar(auth: AuthContext, query: TimeRangeQuery): Promise<CalendarResponse> {
    const { from, to } = resolveRange(query, { defaultDays: CALENDAR_DEFAULT_DAYS, maxDays: MAX_RANGE_DAYS });
    return calendar(from, to, await this.childminderEvents(auth.userId, from, to));
  }

  /** A childminder's availability occurrences and booking sessions in [from, to), earliest first. */
  async childminderEvents(childminderId: string, from: Date, to: Date): Promise<CalendarEventResponse[]> {
    const [occurrences, sessions] = await Promise.all([
      this.availability.calendarOccurrences(childminderId, from, to),
      this.bookings.calendarSessions({ childminderId }, from, to, CALENDAR_STATUSES),
    ]);
    const events: CalendarEventResponse[] = [
      ...occurrences.map((o) => ({
        id: `block:${o.blockId}:${o.date}`,
        kind: occurrenceKind(o),
        title: o.title,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        bookingId: null,
        status: null,
        blockId: o.blockId,
        date: o.date,
        recurring: o.recurring,
      })),
      ...sessions.map((s) => {
        const parent = s.booking.parent;
        const who = `${parent?.firstName ?? ''} ${parent?.lastName ?? ''}`.trim() || 'Booking';
        const count = s.booking.children?.length ?? 0;
        return sessionEvent(s, `${who} (${count} ${count === 1 ? 'child' : 'children'})`);
      }),
    ];
    return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** A calendar entry is an availability block: `type: unavailable` marks time off. */
  addCalendarEntry(auth: AuthContext, dto: AvailabilityBlockDto): Promise<AvailabilityBlockResponse> {
    return this.availability.create(auth, dto);
  }

  /** Removes a block, or with `date` only that day's occurrence of it. */
  removeCalendarEntry(auth: AuthContext, query: DeleteCalendarEntryQuery): Promise<void> {
    return query.date
      ? this.availability.removeOccurrence(auth, query.blockId, query.date)
      : this.availability.remove(auth, query.blockId);
  }
}

function occurrenceKind(o: AvailabilityOccurrenceResponse): CalendarEventKind {
  if (o.source === AvailabilitySource.Google) return CalendarEventKind.GoogleBusy;
  return o.type === AvailabilityType.Available ? CalendarEventKind.Available : CalendarEventKind.Unavailable;
}

function sessionEvent(session: CalendarSession, title: string): CalendarEventResponse {
  return {
    id: `booking:${session.id}`,
    kind: CalendarEventKind.Booking,
    title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    bookingId: session.bookingId,
    status: session.booking.status,
    blockId: null,
    date: null,
    recurring: session.booking.weeks > 1,
  };
}

const calendar = (from: Date, to: Date, events: CalendarEventResponse[]): CalendarResponse => ({
  from: from.toISOString(),
  to: to.toISOString(),
  timeZone: UK_ZONE,
  events,
});
