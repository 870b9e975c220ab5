import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, MoreThanOrEqual, Repository, SelectQueryBuilder } from 'typeorm';
import { countBy, countByDay, DailyCount } from '@app/database/daily-counts';
import { bookingNotFound } from './booking.exception';
import { BookingChild } from './entities/booking-child.entity';
import { BookingSession } from './entities/booking-session.entity';
import { Booking, BookingStatus } from './entities/booking.entity';
import { failWith } from '@app/common/errors/domain.exception';

type PageWindow = { skip: number; take: number };

export interface BookingFilters {
  parentId?: string;
  childminderId?: string;
  status?: BookingStatus;
  /** Bookings whose time overlaps [from, to). */
  from?: Date;
  to?: Date;
}

/** A session of another booking, with the children in it. */
export interface BookedSession {
  bookingId: string;
  start: Date;
  end: Date;
  childIds: string[];
}

/** A session with its booking (and the booking's children), for calendars. */
export type CalendarSession = BookingSession & { booking: Booking };

/** Who a booking is between, and its status. */
export type BookingParties = Pick<Booking, 'id' | 'parentId' | 'childminderId' | 'profileId' | 'status'>;

/** The bookings, booking_sessions and booking_children tables, by the questions the product asks. */
@Injectable()
export class BookingsRepository {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    @InjectRepository(BookingSession) private readonly sessions: Repository<BookingSession>,
  ) {}

  private repo(manager?: EntityManager): Repository<Booking> {
    return manager ? manager.getRepository(Booking) : this.bookings;
  }

  findById(id: string, manager?: EntityManager): Promise<Booking | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Who a booking is between and its status, nothing else (reviews check a parent's claim). */
  findParties(id: string): Promise<BookingParties | null> {
    return this.repo().findOne({
      select: { id: true, parentId: true, childminderId: true, profileId: true, status: true },
      where: { id },
    });
  }

  /** The booking with its sessions, children links, both users and the profile. */
  findDetailed(id: string, manager?: EntityManager): Promise<Booking | null> {
    return this.repo(manager).findOne({
      where: { id },
      relations: { sessions: true, children: true, parent: true, childminder: true, profile: true },
      order: { sessions: { startsAt: 'ASC' } },
    });
  }

  /**
   * `findDetailed` for a booking that must exist (a re-read after a write in the same
   * transaction): a missing row is the coded 404, never a null passed on.
   */
  async findDetailedOrFail(id: string, manager?: EntityManager): Promise<Booking> {
    return (await this.findDetailed(id, manager)) ?? failWith(bookingNotFound());
  }

  /** One page of bookings matching `filters`, soonest first, each with its details. */
  async page(filters: BookingFilters, page: PageWindow): Promise<[Booking[], number]> {
    const query = this.bookings.createQueryBuilder('booking').select('booking.id');
    applyFilters(query, filters);
    const [rows, total] = await query
      .orderBy('booking.startsAt', 'DESC')
      .addOrderBy('booking.id', 'ASC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    return [await this.detailedInOrder(rows.map((r) => r.id)), total];
  }

  private async detailedInOrder(ids: string[]): Promise<Booking[]> {
    if (ids.length === 0) return [];
    const rows = await this.bookings.find({
      where: { id: In(ids) },
      relations: { sessions: true, children: true, parent: true, childminder: true, profile: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  /**
   * Sessions of the childminder's confirmed bookings that overlap [from, to), except those of
   * `exceptBookingId`, with their children: the care already promised.
   */
  async confirmedSessions(
    childminderId: string,
    from: Date,
    to: Date,
    exceptBookingId: string | null,
    manager: EntityManager,
  ): Promise<BookedSession[]> {
    const query = manager
      .getRepository(BookingSession)
      .createQueryBuilder('session')
      .innerJoin('session.booking', 'booking')
      .where('session.childminderId = :childminderId', { childminderId })
      .andWhere('session.startsAt < :to AND session.endsAt > :from', { from, to })
      .andWhere('booking.status = :status', { status: BookingStatus.Confirmed });
    if (exceptBookingId) query.andWhere('session.bookingId <> :exceptBookingId', { exceptBookingId });
    const sessions = await query.getMany();
    const links = await this.childLinks([...new Set(sessions.map((s) => s.bookingId))], manager);
    return sessions.map((s) => ({
      bookingId: s.bookingId,
      start: s.startsAt,
      end: s.endsAt,
      childIds: links.get(s.bookingId) ?? [],
    }));
  }

  /**
   * Sessions of other bookings in `statuses` that include any of `childIds` and overlap
   * [from, to): for "no child is booked twice at once".
   */
  async sessionsOfChildren(
    childIds: readonly string[],
    from: Date,
    to: Date,
    statuses: readonly BookingStatus[],
    exceptBookingId: string | null,
    manager: EntityManager,
  ): Promise<{ childId: string; start: Date; end: Date }[]> {
    if (childIds.length === 0) return [];
    const query = manager
      .getRepository(BookingChild)
      .createQueryBuilder('link')
      .innerJoin(Booking, 'booking', 'booking.id = link.bookingId')
      .innerJoin(BookingSession, 'session', 'session.bookingId = link.bookingId')
      .select(['link.childId AS childId', 'session.startsAt AS startsAt', 'session.endsAt AS endsAt'])
      .where('link.childId IN (:...childIds)', { childIds: [...childIds] })
      .andWhere('booking.status IN (:...statuses)', { statuses: [...statuses] })
      .andWhere('session.startsAt < :to AND session.endsAt > :from', { from, to });
    if (exceptBookingId) query.andWhere('link.bookingId <> :exceptBookingId', { exceptBookingId });
    const rows = await query.getRawMany<{ childId: string; startsAt: Date | string; endsAt: Date | string }>();
    return rows.map((r) => ({ childId: r.childId, start: asDate(r.startsAt), end: asDate(r.endsAt) }));
  }

  private async childLinks(bookingIds: string[], manager: EntityManager): Promise<Map<string, string[]>> {
    const links = new Map<string, string[]>();
    if (bookingIds.length === 0) return links;
    const rows = await manager.getRepository(BookingChild).find({ where: { bookingId: In(bookingIds) } });
    for (const row of rows) links.set(row.bookingId, [...(links.get(row.bookingId) ?? []), row.childId]);
    return links;
  }

  async insert(
    booking: Booking,
    sessions: BookingSession[],
    children: BookingChild[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(Booking).insert(booking);
    await manager.getRepository(BookingSession).insert(sessions);
    await manager.getRepository(BookingChild).insert(children);
  }

  async replaceSessions(bookingId: string, sessions: BookingSession[], manager: EntityManager): Promise<void> {
    await manager.getRepository(BookingSession).delete({ bookingId });
    await manager.getRepository(BookingSession).insert(sessions);
  }

  async update(id: string, changes: Partial<Booking>, manager: EntityManager): Promise<void> {
    await manager.getRepository(Booking).update(id, changes);
  }

  /**
   * Moves the booking to a new status only if it is still in one of `from`: the job and people
   * may act on the same booking at once, and exactly one of them wins. Returns whether it moved.
   */
  async transition(
    id: string,
    from: readonly BookingStatus[],
    changes: Partial<Booking> & { status: BookingStatus },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Booking)
      .createQueryBuilder()
      .update(Booking)
      .set(changes)
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from: [...from] })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Marks the reminder as sent if nobody has; true for the caller that did. */
  async claimReminder(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(Booking)
      .createQueryBuilder()
      .update(Booking)
      .set({ reminderSentAt: at })
      .where('id = :id AND reminderSentAt IS NULL AND status = :status', { id, status: BookingStatus.Confirmed })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  // --- calendars and stats --------------------------------------------------------------------

  /** Sessions overlapping [from, to) of bookings matching `who` in `statuses`, earliest first. */
  async calendarSessions(
    who: { parentId?: string; childminderId?: string },
    from: Date,
    to: Date,
    statuses: readonly BookingStatus[],
  ): Promise<CalendarSession[]> {
    const query = this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.booking', 'booking')
      .leftJoinAndSelect('booking.children', 'link')
      .leftJoinAndSelect('booking.parent', 'parent')
      .leftJoinAndSelect('booking.profile', 'profile')
      .where('session.startsAt < :to AND session.endsAt > :from', { from, to })
      .andWhere('booking.status IN (:...statuses)', { statuses: [...statuses] });
    if (who.childminderId) query.andWhere('session.childminderId = :cm', { cm: who.childminderId });
    if (who.parentId) query.andWhere('booking.parentId = :parentId', { parentId: who.parentId });
    return (await query.orderBy('session.startsAt', 'ASC').getMany()) as CalendarSession[];
  }

  count(filters: BookingFilters & { startsAfter?: Date; endsAfter?: Date }): Promise<number> {
    const query = this.bookings.createQueryBuilder('booking');
    applyFilters(query, filters);
    if (filters.startsAfter) query.andWhere('booking.startsAt > :startsAfter', { startsAfter: filters.startsAfter });
    if (filters.endsAfter) query.andWhere('booking.endsAt > :endsAfter', { endsAfter: filters.endsAfter });
    return query.getCount();
  }

  /** Distinct children in the childminder's confirmed bookings that have not ended. */
  async countCurrentChildren(childminderId: string, now: Date): Promise<number> {
    const row = await this.bookings
      .createQueryBuilder('booking')
      .innerJoin(BookingChild, 'link', 'link.bookingId = booking.id')
      .select('COUNT(DISTINCT link.childId)', 'count')
      .where('booking.childminderId = :childminderId', { childminderId })
      .andWhere('booking.status = :status', { status: BookingStatus.Confirmed })
      .andWhere('booking.endsAt > :now', { now })
      .getRawOne<{ count: string | number }>();
    return Number(row?.count ?? 0);
  }

  /** When the parent's latest bookings start, latest first (IDX_bookings_parent_start). */
  async recentStartsOfParent(parentId: string, limit: number): Promise<Date[]> {
    const rows = await this.bookings.find({
      select: { id: true, startsAt: true },
      where: { parentId },
      order: { startsAt: 'DESC' },
      take: limit,
    });
    return rows.map((row) => row.startsAt);
  }

  /** Who asked which childminder for care since `since`, oldest first. */
  requestedSince(since: Date, limit: number): Promise<Pick<Booking, 'parentId' | 'profileId' | 'createdAt'>[]> {
    return this.bookings.find({
      select: { id: true, parentId: true, profileId: true, createdAt: true },
      where: { createdAt: MoreThanOrEqual(since) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /** Whether the parent has had care with this childminder: a completed booking between them. */
  hasCompletedBetween(parentId: string, childminderId: string, manager?: EntityManager): Promise<boolean> {
    // IDX_bookings_childminder_status_start answers it.
    return this.repo(manager).exists({ where: { childminderId, status: BookingStatus.Completed, parentId } });
  }

  /** Whether the child is in a pending or confirmed booking that ends after `now`. */
  /** Whether the two have a confirmed or completed booking together. */
  async existsConfirmedBetween(parentId: string, childminderId: string): Promise<boolean> {
    const count = await this.bookings.count({
      where: { parentId, childminderId, status: In([BookingStatus.Confirmed, BookingStatus.Completed]) },
    });
    return count > 0;
  }

  async hasActiveForChild(childId: string, now: Date): Promise<boolean> {
    const count = await this.bookings
      .createQueryBuilder('booking')
      .innerJoin(BookingChild, 'link', 'link.bookingId = booking.id')
      .where('link.childId = :childId', { childId })
      .andWhere('booking.status IN (:...statuses)', { statuses: [BookingStatus.Pending, BookingStatus.Confirmed] })
      .andWhere('booking.endsAt > :now', { now })
      .getCount();
    return count > 0;
  }

  // --- the lifecycle job --------------------------------------------------------------------------

  /** Pending requests made before `createdBefore`, or whose start has come: they expire. */
  findExpirable(createdBefore: Date, now: Date, limit: number): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('booking')
      .where('booking.status = :status', { status: BookingStatus.Pending })
      .andWhere(
        new Brackets((q) =>
          q.where('booking.createdAt < :createdBefore', { createdBefore }).orWhere('booking.startsAt <= :now', { now }),
        ),
      )
      .orderBy('booking.createdAt', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Confirmed bookings whose last session has ended. */
  findFinished(now: Date, limit: number): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('booking')
      .where('booking.status = :status AND booking.endsAt <= :now', { status: BookingStatus.Confirmed, now })
      .orderBy('booking.endsAt', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Confirmed bookings starting in (now, until] that have had no reminder. */
  findDueReminder(now: Date, until: Date, limit: number): Promise<Booking[]> {
    return this.bookings
      .createQueryBuilder('booking')
      .where('booking.status = :status', { status: BookingStatus.Confirmed })
      .andWhere('booking.startsAt > :now AND booking.startsAt <= :until', { now, until })
      .andWhere('booking.reminderSentAt IS NULL')
      .orderBy('booking.startsAt', 'ASC')
      .take(limit)
      .getMany();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.bookings.manager.transaction(work);
  }

  /** Bookings created in [from, to) by status (served by IDX_bookings_status_created). */
  countCreatedByStatus(range: { from: Date; to: Date }): Promise<Record<string, number>> {
    return countBy(
      this.bookings
        .createQueryBuilder('booking')
        .where('booking.createdAt >= :from AND booking.createdAt < :to', range),
      'booking',
      'status',
    );
  }

  createdByDay(range: { from: Date; to: Date }): Promise<DailyCount[]> {
    return countByDay(this.bookings.createQueryBuilder('booking'), 'booking', 'createdAt', 'status', range);
  }

  /** A user's bookings (as parent or childminder) by status, for the admin's user page. */
  countByStatusForUser(userId: string): Promise<Record<string, number>> {
    return countBy(
      this.bookings
        .createQueryBuilder('booking')
        .where('booking.parentId = :userId OR booking.childminderId = :userId', { userId }),
      'booking',
      'status',
    );
  }
}

function applyFilters(query: SelectQueryBuilder<Booking>, filters: BookingFilters): void {
  if (filters.parentId) query.andWhere('booking.parentId = :parentId', { parentId: filters.parentId });
  if (filters.childminderId)
    query.andWhere('booking.childminderId = :childminderId', { childminderId: filters.childminderId });
  if (filters.status) query.andWhere('booking.status = :status', { status: filters.status });
  if (filters.to) query.andWhere('booking.startsAt < :to', { to: filters.to });
  if (filters.from) query.andWhere('booking.endsAt > :from', { from: filters.from });
}

/** Raw datetime values: mysql2 hands over Dates, better-sqlite3 strings in UTC. */
function asDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
