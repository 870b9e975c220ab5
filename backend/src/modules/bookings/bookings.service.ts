import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { Page, toPage } from '@app/common/pagination/page';
import { DailyCount } from '@app/database/daily-counts';
import { AuditService } from '@app/modules/audit/audit.service';
import { instant } from '@app/modules/availability/dto/instant.validator';
import { Weekday, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { UK_ZONE } from '@app/modules/children/child-age';
import { ChildrenService } from '@app/modules/children/children.service';
import { BookingRelationshipPort } from '@app/modules/messaging/booking-relationship.port';
import { BookingAccess, viewerOf } from './booking-access';
import { BookingFilters, BookingParties, BookingsRepository } from './bookings.repository';
import { AdminListBookingsQuery, ListBookingsQuery } from './dto/booking-queries';
import { toBookingResponse } from './dto/booking.mapper';
import { BookingResponse } from './dto/booking.response';
import { BookingStatus } from './entities/booking.entity';

/** How many of a parent's latest bookings say which days they usually need care. */
const USUAL_CARE_SAMPLE = 20;

/**
 * Reading bookings: one booking, lists, and the questions other modules ask (through this
 * service or the ports it implements). Changes live beside it: BookingRequestsService (a
 * parent's request), BookingAnswersService (confirm, reject, cancel), BookingAdminService.
 */
@Injectable()
export class BookingsService implements BookingRelationshipPort {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly access: BookingAccess,
    private readonly children: ChildrenService,
    private readonly audit: AuditService,
  ) {}

  /**
   * For the live chat console: how many bookings of a parent or childminder are still open
   * (pending requests, and confirmed ones that have not ended).
   */
  async openBookingCounts(userId: string, role: Role): Promise<{ pending: number; upcoming: number }> {
    const side = role === Role.Childminder ? { childminderId: userId } : { parentId: userId };
    const [pending, upcoming] = await Promise.all([
      this.bookings.count({ ...side, status: BookingStatus.Pending }),
      this.bookings.count({ ...side, status: BookingStatus.Confirmed, endsAfter: new Date() }),
    ]);
    return { pending, upcoming };
  }

  /**
   * For reviews: who the booking is between and its status, or null. No access check: the
   * caller compares the parties with its caller and answers its own 404.
   */
  findParties(id: string): Promise<BookingParties | null> {
    return this.bookings.findParties(id);
  }

  /** BookingRelationshipPort: a childminder may write first to a parent she has a confirmed booking with. */
  haveConfirmedBooking(parentId: string, childminderId: string): Promise<boolean> {
    return this.bookings.existsConfirmedBetween(parentId, childminderId);
  }

  // --- reading --------------------------------------------------------------------------------

  async get(auth: AuthContext, id: string): Promise<BookingResponse> {
    const booking = await this.access.require(auth, id);
    const children = await this.access.childrenOf(booking);
    if (viewerOf(auth) === 'admin') {
      // Admins see the children's health details: every such read is on the record.
      await this.audit.record(auth, {
        action: 'booking.read',
        subjectType: 'booking',
        subjectId: booking.id,
        ownerId: booking.parentId,
      });
    }
    return toBookingResponse(booking, children, viewerOf(auth));
  }

  /** The weekdays (UK time) on which the parent's latest bookings start: the days they usually need care. */
  async usualCareDays(parentId: string): Promise<Weekday[]> {
    const starts = await this.bookings.recentStartsOfParent(parentId, USUAL_CARE_SAMPLE);
    const days = new Set(starts.map((start) => WEEKDAYS[DateTime.fromJSDate(start, { zone: UK_ZONE }).weekday - 1]!));
    return WEEKDAYS.filter((day) => days.has(day));
  }

  /** Which parent asked which childminder profile for care since `since`, oldest first. */
  requestsSince(since: Date, limit: number): Promise<{ parentId: string; profileId: string; createdAt: Date }[]> {
    return this.bookings.requestedSince(since, limit);
  }

  listForParent(auth: AuthContext, query: ListBookingsQuery): Promise<Page<BookingResponse>> {
    return this.list(auth, { ...rangeFilters(query), parentId: auth.userId }, query);
  }

  listForChildminder(auth: AuthContext, query: ListBookingsQuery): Promise<Page<BookingResponse>> {
    return this.list(auth, { ...rangeFilters(query), childminderId: auth.userId }, query);
  }

  listForAdmin(auth: AuthContext, query: AdminListBookingsQuery): Promise<Page<BookingResponse>> {
    return this.list(
      auth,
      { ...rangeFilters(query), childminderId: query.childminderId, parentId: query.parentId },
      query,
    );
  }

  private async list(
    auth: AuthContext,
    filters: BookingFilters,
    query: ListBookingsQuery,
  ): Promise<Page<BookingResponse>> {
    const [rows, total] = await this.bookings.page(filters, { skip: query.skip, take: query.pageSize });
    const children = await this.children.findByIds([
      ...new Set(rows.flatMap((b) => (b.children ?? []).map((l) => l.childId))),
    ]);
    const now = new Date();
    return toPage(
      rows.map((b) => toBookingResponse(b, children, viewerOf(auth), now)),
      total,
      query,
    );
  }

  /** For the admin dashboard: bookings created in the range by status, and per day. */
  async adminFigures(range: {
    from: Date;
    to: Date;
  }): Promise<{ byStatus: Record<string, number>; daily: DailyCount[] }> {
    return {
      byStatus: await this.bookings.countCreatedByStatus(range),
      daily: await this.bookings.createdByDay(range),
    };
  }

  countsForUser(userId: string): Promise<Record<string, number>> {
    return this.bookings.countByStatusForUser(userId);
  }
}

function rangeFilters(query: ListBookingsQuery): BookingFilters {
  return {
    status: query.status,
    from: query.from ? instant(query.from, { dateOnly: true }) : undefined,
    to: query.to ? instant(query.to, { dateOnly: true }) : undefined,
  };
}
