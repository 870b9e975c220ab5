import { DailyCount } from '@app/database/daily-counts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { Page, toPage } from '@app/common/pagination/page';
import { inTransaction } from '@app/database/transaction';
import { AuditService } from '@app/modules/audit/audit.service';
import { instant } from '@app/modules/availability/dto/instant.validator';
import { formatUkRange } from '@app/modules/availability/time-ranges';
import { childminderNotFound } from '@app/modules/childminders/childminder.exception';
import { Weekday, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { BookingRelationshipPort } from '@app/modules/messaging/booking-relationship.port';
import { ChildrenService } from '@app/modules/children/children.service';
import { UK_ZONE } from '@app/modules/children/child-age';
import type { Child } from '@app/modules/children/entities/child.entity';
import { AutoAcceptRules } from '@app/modules/last-minute/auto-accept-rules';
import { BookingErrorCode, BookingException, bookingNotFound, BookingProblem, refused } from './booking.exception';
import { BookingChecks } from './booking-checks';
import { AfterCommit, BookingNotifier, CancelledBy } from './booking-notifier';
import {
  describeSchedule,
  priceEstimatePence,
  Session,
  sessionsFor,
  timingProblems,
  totalHours,
} from './booking-rules';
import { BookingFilters, BookingParties, BookingsRepository } from './bookings.repository';
import { AdminListBookingsQuery, ListBookingsQuery } from './dto/booking-queries';
import {
  AdminUpdateBookingDto,
  ChildminderBookingAction,
  CreateBookingDto,
  RespondToBookingDto,
  UpdateBookingDto,
} from './dto/booking-requests.dto';
import { BookingViewer, sessionsOf, toBookingResponse } from './dto/booking.mapper';
import { BookingQuoteResponse, BookingResponse } from './dto/booking.response';
import { BookingChild } from './entities/booking-child.entity';
import { BookingSession } from './entities/booking-session.entity';
import { ACTIVE_STATUSES, Booking, BookingStatus } from './entities/booking.entity';

/** How many of a parent's latest bookings say which days they usually need care. */
const USUAL_CARE_SAMPLE = 20;

const viewerOf = (auth: AuthContext): BookingViewer =>
  ADMIN_ROLES.includes(auth.role) ? 'admin' : auth.role === Role.Childminder ? 'childminder' : 'parent';

const transitionError = (message: string) => new BookingException(BookingErrorCode.InvalidTransition, message);

interface Outcome {
  booking: Booking;
  children: Child[];
  after?: AfterCommit;
}

/**
 * Bookings: requests, answers, changes and cancellations, with every rule checked inside a
 * transaction that holds the childminder's profile row lock. The only writer of the booking tables.
 */
@Injectable()
export class BookingsService implements BookingRelationshipPort {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly checks: BookingChecks,
    private readonly notifier: BookingNotifier,
    private readonly childminders: ChildmindersService,
    private readonly children: ChildrenService,
    private readonly audit: AuditService,
    private readonly autoAccept: AutoAcceptRules,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // --- access -----------------------------------------------------------------------------------

  /**
   * The booking behind `id` if `auth` may see it (its parent, its childminder, an admin);
   * otherwise the same 404 as for an id that does not exist. Every method taking an id starts here.
   */
  async requireBookingAccess(auth: AuthContext, id: string, manager?: EntityManager): Promise<Booking> {
    const booking = await this.bookings.findDetailed(id, manager);
    if (!booking || !mayAccess(auth, booking)) throw bookingNotFound();
    return booking;
  }

  private childrenOf(booking: Booking, manager?: EntityManager): Promise<Child[]> {
    return this.children.findByIds(
      (booking.children ?? []).map((link) => link.childId),
      manager,
    );
  }

  private async respond(auth: AuthContext, outcome: Outcome): Promise<BookingResponse> {
    if (outcome.after) await this.notifier.announce(outcome.after);
    return toBookingResponse(outcome.booking, outcome.children, viewerOf(auth));
  }

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
    const booking = await this.requireBookingAccess(auth, id);
    const children = await this.childrenOf(booking);
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

  // --- a parent's request -------------------------------------------------------------------------

  /** A dry run of `create`: the price and every rule the request would break, nothing written. */
  async quote(auth: AuthContext, dto: CreateBookingDto): Promise<BookingQuoteResponse> {
    const { sessions, timing } = planOf(dto);
    const manager = this.dataSource.manager;
    const profile = await this.requireBookableProfile(dto.childminderId, manager);
    const children = await this.requireOwnChildren(auth, dto.childIds, manager);
    const problems: BookingProblem[] = timing.length
      ? timing
      : await this.checks.problems(
          { profile, children, sessions, bookingId: null, childClashStatuses: ACTIVE_STATUSES },
          manager,
        );
    const rate = profile.hourlyRatePence ?? 0;
    return {
      bookable: problems.length === 0,
      problems: problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null })),
      sessions: sessions.map((s) => ({ startsAt: s.start.toISOString(), endsAt: s.end.toISOString() })),
      schedule: describeSchedule(sessions),
      totalHours: totalHours(sessions),
      hourlyRatePence: rate,
      priceEstimatePence: priceEstimatePence(rate, sessions, children.length),
    };
  }

  async create(auth: AuthContext, dto: CreateBookingDto): Promise<BookingResponse> {
    const { sessions, timing } = planOf(dto);
    if (timing.length) throw refused(timing);
    const outcome = await this.lockedTransaction(async (manager) => {
      // The lock comes first: see ChildmindersService.lockById.
      const profile = await this.requireBookableProfile(dto.childminderId, manager, { lock: true });
      // The children's lock, before any plain read: on MariaDB the transaction's snapshot is
      // taken at its first non-locking read, and it must not predate the other request's commit.
      await this.children.lockForBooking(dto.childIds, manager);
      const children = await this.requireOwnChildren(auth, dto.childIds, manager);
      const problems = await this.checks.problems(
        { profile, children, sessions, bookingId: null, childClashStatuses: ACTIVE_STATUSES },
        manager,
      );
      if (problems.length) throw refused(problems);
      const booking = Object.assign(new Booking(), {
        parentId: auth.userId,
        childminderId: profile.userId,
        profileId: profile.id,
        status: BookingStatus.Pending,
        startsAt: sessions[0]!.start,
        endsAt: sessions[sessions.length - 1]!.end,
        weeks: sessions.length,
        notes: dto.notes ?? null,
        hourlyRatePence: profile.hourlyRatePence!,
        priceEstimatePence: priceEstimatePence(profile.hourlyRatePence!, sessions, children.length),
        statusReason: null,
        cancelledBy: null,
        statusChangedAt: null,
        reminderSentAt: null,
      });
      await this.bookings.insert(
        booking,
        sessionRows(booking, sessions),
        children.map((child) => Object.assign(new BookingChild(), { bookingId: booking.id, childId: child.id })),
        manager,
      );
      const detailed = (await this.bookings.findDetailed(booking.id, manager))!;
      if (await this.confirmsAutomatically(manager, detailed, profile, children)) {
        return this.markConfirmed(manager, detailed, children, { automatic: true });
      }
      return {
        booking: detailed,
        children,
        after: await this.notifier.queue(manager, 'requested', detailed, children),
      };
    });
    return this.respond(auth, outcome);
  }

  /**
   * The childminder's auto-accept rule, inside the request's transaction (the childminder's row
   * lock is held): a family who has completed a booking with them is confirmed at once, after the
   * same checks a childminder's own confirmation runs.
   *
   * When those checks refuse, the request stays pending for the childminder to answer rather than
   * failing: the parent asked for care and the request itself passed its checks; only the
   * shortcut is not taken. Today the request checks are at least as strict as the confirmation
   * checks (they also count the children's pending requests), so this is a safeguard: should the
   * confirmation rules ever grow (a check only a confirmation makes), an automatic confirmation
   * can never get past one that a manual confirmation would not.
   */
  private async confirmsAutomatically(
    manager: EntityManager,
    booking: Booking,
    profile: ChildminderProfile,
    children: readonly Child[],
  ): Promise<boolean> {
    if (!(await this.autoAccept.confirmsReturningFamilies(booking.childminderId, manager))) return false;
    if (!(await this.bookings.hasCompletedBetween(booking.parentId, booking.childminderId, manager))) return false;
    return (await this.confirmationRefusal(manager, booking, profile, children)) === null;
  }

  /** A parent changes notes or times while the request is pending; new times are checked again. */
  async modify(auth: AuthContext, id: string, dto: UpdateBookingDto): Promise<BookingResponse> {
    await this.requireBookingAccess(auth, id);
    const timesChange = dto.startsAt !== undefined || dto.endsAt !== undefined || dto.weeks !== undefined;
    if (!timesChange && dto.notes === undefined) {
      const booking = await this.requireBookingAccess(auth, id);
      return toBookingResponse(booking, await this.childrenOf(booking), 'parent');
    }
    const outcome = await this.withLockedBooking(auth, id, async (manager, booking, profile) => {
      if (booking.status !== BookingStatus.Pending) {
        throw transitionError(
          `Only a pending request can be changed; this booking is ${booking.status}. Cancel it and send a new request instead.`,
        );
      }
      const children = await this.childrenOf(booking, manager);
      const changes: Partial<Booking> = {};
      if (dto.notes !== undefined) changes.notes = dto.notes;
      if (timesChange) {
        const first = sessionsOf(booking)[0]!;
        const start = dto.startsAt ? instant(dto.startsAt) : first.start;
        const end = dto.endsAt ? instant(dto.endsAt) : first.end;
        const timing = timingProblems(start, end);
        if (timing.length) throw refused(timing);
        const sessions = sessionsFor(start, end, dto.weeks ?? booking.weeks);
        const problems = await this.checks.problems(
          { profile, children, sessions, bookingId: booking.id, childClashStatuses: ACTIVE_STATUSES },
          manager,
        );
        if (problems.length) throw refused(problems);
        await this.bookings.replaceSessions(booking.id, sessionRows(booking, sessions), manager);
        Object.assign(changes, {
          startsAt: sessions[0]!.start,
          endsAt: sessions[sessions.length - 1]!.end,
          weeks: sessions.length,
          priceEstimatePence: priceEstimatePence(booking.hourlyRatePence, sessions, children.length),
        });
      }
      await this.bookings.update(booking.id, changes, manager);
      const detailed = (await this.bookings.findDetailed(booking.id, manager))!;
      return { booking: detailed, children, after: await this.notifier.queue(manager, 'changed', detailed, children) };
    });
    return this.respond(auth, outcome);
  }

  // --- answers and cancellations ------------------------------------------------------------------

  /** The childminder confirms, rejects (with a reason) or cancels (with a reason). */
  async answer(auth: AuthContext, id: string, dto: RespondToBookingDto): Promise<BookingResponse> {
    await this.requireBookingAccess(auth, id);
    switch (dto.action) {
      case ChildminderBookingAction.Confirm:
        return this.confirm(auth, id);
      case ChildminderBookingAction.Reject:
        return this.reject(auth, id, dto.reason!);
      case ChildminderBookingAction.Cancel:
        return this.cancel(auth, id, dto.reason!);
    }
  }

  /** Admins act for either side, and may correct the notes; every change is audited. */
  async adminUpdate(auth: AuthContext, id: string, dto: AdminUpdateBookingDto): Promise<BookingResponse> {
    const booking = await this.requireBookingAccess(auth, id);
    if (dto.notes !== undefined) {
      await inTransaction(this.dataSource, async (manager) => {
        await this.bookings.update(booking.id, { notes: dto.notes ?? null }, manager);
        await this.audit.record(
          auth,
          { action: 'booking.notes.update', subjectType: 'booking', subjectId: booking.id, ownerId: booking.parentId },
          manager,
        );
      });
    }
    if (dto.action) {
      const response = await this.answer(auth, id, { action: dto.action, reason: dto.reason });
      await this.audit.record(auth, {
        action: `booking.${dto.action}`,
        subjectType: 'booking',
        subjectId: booking.id,
        ownerId: booking.parentId,
        metadata: dto.reason ? { reason: dto.reason } : undefined,
      });
      return response;
    }
    return this.get(auth, id);
  }

  private async confirm(auth: AuthContext, id: string): Promise<BookingResponse> {
    const outcome = await this.withLockedBooking(auth, id, async (manager, booking, profile) => {
      if (booking.status !== BookingStatus.Pending) {
        throw transitionError(`Only a pending request can be confirmed; this booking is ${booking.status}`);
      }
      const children = await this.childrenOf(booking, manager);
      const refusal = await this.confirmationRefusal(manager, booking, profile, children);
      if (refusal) throw refusal;
      return this.markConfirmed(manager, booking, children);
    });
    return this.respond(auth, outcome);
  }

  /**
   * Why this pending booking cannot be confirmed now, or null when it can: it has not begun, and
   * it passes every booking rule against the childminder's confirmed bookings. Run under the
   * childminder's row lock, by a childminder's confirmation and by an auto-accept rule alike.
   */
  private async confirmationRefusal(
    manager: EntityManager,
    booking: Booking,
    profile: ChildminderProfile,
    children: readonly Child[],
  ): Promise<BookingException | null> {
    if (booking.startsAt <= new Date()) {
      return transitionError(
        `This request was for ${formatUkRange(booking.startsAt, sessionsOf(booking)[0]!.end)}, which has begun; it can no longer be confirmed`,
      );
    }
    const problems = await this.checks.problems(
      {
        profile,
        children,
        sessions: sessionsOf(booking),
        bookingId: booking.id,
        childClashStatuses: [BookingStatus.Confirmed],
      },
      manager,
    );
    return problems.length ? refused(problems) : null;
  }

  /** Pending to confirmed, and the parent told (with `automatic`, the childminder too). */
  private async markConfirmed(
    manager: EntityManager,
    booking: Booking,
    children: Child[],
    options: { automatic?: boolean } = {},
  ): Promise<Outcome> {
    await this.moveOrFail(
      booking.id,
      [BookingStatus.Pending],
      { status: BookingStatus.Confirmed, statusChangedAt: new Date() },
      manager,
    );
    const detailed = (await this.bookings.findDetailed(booking.id, manager))!;
    return {
      booking: detailed,
      children,
      after: await this.notifier.queue(manager, 'confirmed', detailed, children, options),
    };
  }

  private async reject(auth: AuthContext, id: string, reason: string): Promise<BookingResponse> {
    const outcome = await this.withLockedBooking(auth, id, async (manager, booking) => {
      if (booking.status !== BookingStatus.Pending) {
        throw transitionError(`Only a pending request can be rejected; this booking is ${booking.status}`);
      }
      await this.moveOrFail(
        booking.id,
        [BookingStatus.Pending],
        { status: BookingStatus.Rejected, statusReason: reason, statusChangedAt: new Date() },
        manager,
      );
      const detailed = (await this.bookings.findDetailed(booking.id, manager))!;
      const children = await this.childrenOf(detailed, manager);
      return { booking: detailed, children, after: await this.notifier.queue(manager, 'rejected', detailed, children) };
    });
    return this.respond(auth, outcome);
  }

  /**
   * Cancels with a reason. A parent or an admin may cancel a pending or a confirmed booking; a
   * childminder cancels confirmed ones (a pending request is rejected instead). Not once finished.
   */
  async cancel(auth: AuthContext, id: string, reason: string | null): Promise<BookingResponse> {
    await this.requireBookingAccess(auth, id);
    const by: CancelledBy = viewerOf(auth);
    const outcome = await this.withLockedBooking(auth, id, async (manager, booking) => {
      const now = new Date();
      const cancellable =
        (booking.status === BookingStatus.Pending && by !== 'childminder') ||
        (booking.status === BookingStatus.Confirmed && booking.endsAt > now);
      if (!cancellable) {
        throw transitionError(
          booking.status === BookingStatus.Pending
            ? 'Reject a pending request instead of cancelling it'
            : `This booking is ${booking.status === BookingStatus.Confirmed ? 'finished' : booking.status}; it can no longer be cancelled`,
        );
      }
      await this.moveOrFail(
        booking.id,
        [BookingStatus.Pending, BookingStatus.Confirmed],
        { status: BookingStatus.Cancelled, statusReason: reason, cancelledBy: by, statusChangedAt: now },
        manager,
      );
      const detailed = (await this.bookings.findDetailed(booking.id, manager))!;
      const children = await this.childrenOf(detailed, manager);
      return {
        booking: detailed,
        children,
        after: await this.notifier.queue(manager, 'cancelled', detailed, children, { cancelledBy: by }),
      };
    });
    return this.respond(auth, outcome);
  }

  /** An admin's cancellation: both sides are told, and the action is audited. */
  async adminCancel(auth: AuthContext, id: string, reason: string | null): Promise<BookingResponse> {
    const response = await this.cancel(auth, id, reason);
    await this.audit.record(auth, {
      action: 'booking.cancel',
      subjectType: 'booking',
      subjectId: id,
      ownerId: response.parent.id,
      metadata: { reason },
    });
    return response;
  }

  // --- helpers ------------------------------------------------------------------------------------

  /**
   * Runs `work` in a transaction that first locks the booking's childminder profile, then its
   * children (see ChildrenService.lockForBooking), always in that order, then reads the
   * booking afresh: whatever another request changed before the locks were granted is seen.
   */
  private async withLockedBooking<T>(
    auth: AuthContext,
    id: string,
    work: (manager: EntityManager, booking: Booking, profile: ChildminderProfile) => Promise<T>,
  ): Promise<T> {
    // A booking's children never change, so they can be read before the transaction.
    const peek = await this.bookings.findDetailed(id);
    if (!peek || !mayAccess(auth, peek)) throw bookingNotFound();
    return this.lockedTransaction(async (manager) => {
      // Both locks before any plain read: on MariaDB the transaction's snapshot is taken at its
      // first non-locking read, and it must not predate what the lock holders committed.
      const profile = await this.childminders.lockById(peek.profileId, manager);
      await this.children.lockForBooking(
        (peek.children ?? []).map((link) => link.childId),
        manager,
      );
      const booking = await this.bookings.findDetailed(id, manager);
      if (!profile || !booking) throw bookingNotFound();
      return work(manager, booking, profile);
    });
  }

  /**
   * A transaction that takes the childminder lock. Waiting too long for the lock, or a deadlock,
   * rolls it back: it is tried once more, then the caller hears "busy" (503), never a 500.
   */
  private async lockedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.dataSource, work);
      } catch (error) {
        if (!isLockContention(error)) throw error;
        if (attempt >= 2) {
          throw new BookingException(
            BookingErrorCode.Busy,
            "Many changes are being made to this childminder's bookings right now. Please try again in a moment.",
          );
        }
      }
    }
  }

  /**
   * The conditional status change of a person's action. The lifecycle job changes bookings
   * without the profile lock (expiring one at the same moment, say): if it won, the person is
   * told, and nothing is sent about a change that did not happen.
   */
  private async moveOrFail(
    id: string,
    from: readonly BookingStatus[],
    changes: Partial<Booking> & { status: BookingStatus },
    manager: EntityManager,
  ): Promise<void> {
    if (!(await this.bookings.transition(id, from, changes, manager))) {
      throw transitionError('This booking changed a moment ago (it may have expired). Reload it to see its status.');
    }
  }

  /** A listed profile with a rate; with `lock`, locked for the transaction (the first statement in it). */
  private async requireBookableProfile(
    profileId: string,
    manager: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<ChildminderProfile> {
    const profile = options.lock
      ? await this.childminders.lockById(profileId, manager)
      : await this.childminders.findById(profileId, manager);
    if (!profile || !profile.visible || !profile.active || !profile.complete) throw childminderNotFound();
    if (profile.hourlyRatePence === null) {
      throw new BookingException(BookingErrorCode.NotBookable, `${profile.displayName} has not set an hourly rate yet`);
    }
    return profile;
  }

  /** The caller's own children among `ids`; any other id is a 404 naming the field. */
  private async requireOwnChildren(
    auth: AuthContext,
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<Child[]> {
    const children = await this.children.findForParent(auth.userId, ids, manager);
    if (children.length !== new Set(ids).size) {
      const message = 'One of the children was not found among yours';
      throw new BookingException(BookingErrorCode.ChildNotFound, message, [{ field: 'childIds', message }]);
    }
    return children;
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

/** MySQL/MariaDB lock wait timeout (1205) or deadlock (1213); SQLite's "database is locked". */
function isLockContention(error: unknown): boolean {
  const driver = (error as { driverError?: { errno?: number; code?: string } })?.driverError;
  return driver?.errno === 1205 || driver?.errno === 1213 || driver?.code === 'SQLITE_BUSY';
}

function mayAccess(auth: AuthContext, booking: Booking): boolean {
  if (ADMIN_ROLES.includes(auth.role)) return true;
  if (auth.role === Role.Parent) return booking.parentId === auth.userId;
  if (auth.role === Role.Childminder) return booking.childminderId === auth.userId;
  return false;
}

/** The sessions a request asks for, and what is wrong with its times on their own. */
function planOf(dto: CreateBookingDto): { sessions: Session[]; timing: BookingProblem[] } {
  const start = instant(dto.startsAt);
  const end = instant(dto.endsAt);
  const timing = timingProblems(start, end);
  return { sessions: timing.length ? [{ start, end }] : sessionsFor(start, end, dto.weeks ?? 1), timing };
}

function sessionRows(booking: Booking, sessions: readonly Session[]): BookingSession[] {
  return sessions.map((s) =>
    Object.assign(new BookingSession(), {
      bookingId: booking.id,
      childminderId: booking.childminderId,
      startsAt: s.start,
      endsAt: s.end,
    }),
  );
}

function rangeFilters(query: ListBookingsQuery): BookingFilters {
  return {
    status: query.status,
    from: query.from ? instant(query.from, { dateOnly: true }) : undefined,
    to: query.to ? instant(query.to, { dateOnly: true }) : undefined,
  };
}
