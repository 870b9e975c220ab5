import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { instant } from '@app/modules/availability/dto/instant.validator';
import { childminderNotFound } from '@app/modules/childminders/childminder.exception';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { ChildrenService } from '@app/modules/children/children.service';
import type { Child } from '@app/modules/children/entities/child.entity';
import { AutoAcceptRules } from '@app/modules/last-minute/auto-accept-rules';
import { BookingErrorCode, BookingException, BookingProblem, refused } from './booking.exception';
import { BookingAccess } from './booking-access';
import { BookingAnswersService } from './booking-answers.service';
import { BookingChecks } from './booking-checks';
import { BookingLocks } from './booking-locks';
import { BookingNotifier } from './booking-notifier';
import {
  describeSchedule,
  priceEstimatePence,
  Session,
  sessionsFor,
  timingProblems,
  totalHours,
} from './booking-rules';
import { modifyRefusal } from './booking-transitions';
import { BookingsRepository } from './bookings.repository';
import { CreateBookingDto, UpdateBookingDto } from './dto/booking-requests.dto';
import { sessionsOf, toBookingResponse } from './dto/booking.mapper';
import { BookingQuoteResponse, BookingResponse } from './dto/booking.response';
import { BookingChild } from './entities/booking-child.entity';
import { BookingSession } from './entities/booking-session.entity';
import { ACTIVE_STATUSES, Booking, BookingStatus } from './entities/booking.entity';

/**
 * A parent's request: its quote, its creation (with the childminder's auto-accept rule) and its
 * changes while pending, every rule checked under the booking locks.
 */
@Injectable()
export class BookingRequestsService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly access: BookingAccess,
    private readonly locks: BookingLocks,
    private readonly answers: BookingAnswersService,
    private readonly checks: BookingChecks,
    private readonly notifier: BookingNotifier,
    private readonly childminders: ChildmindersService,
    private readonly children: ChildrenService,
    private readonly autoAccept: AutoAcceptRules,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

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
    const outcome = await this.locks.transaction(async (manager) => {
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
      const rate = profile.hourlyRatePence!;
      const booking = Object.assign(new Booking(), {
        parentId: auth.userId,
        childminderId: profile.userId,
        profileId: profile.id,
        status: BookingStatus.Pending,
        startsAt: sessions[0]!.start,
        endsAt: sessions[sessions.length - 1]!.end,
        weeks: sessions.length,
        notes: dto.notes ?? null,
        hourlyRatePence: rate,
        priceEstimatePence: priceEstimatePence(rate, sessions, children.length),
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
      const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
      if (await this.confirmsAutomatically(manager, detailed, profile, children)) {
        return this.answers.markConfirmed(manager, detailed, children, { automatic: true });
      }
      return {
        booking: detailed,
        children,
        after: await this.notifier.queue(manager, 'requested', detailed, children),
      };
    });
    return this.access.respond(auth, outcome);
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
    return (await this.answers.confirmationRefusal(manager, booking, profile, children)) === null;
  }

  /** A parent changes notes or times while the request is pending; new times are checked again. */
  async modify(auth: AuthContext, id: string, dto: UpdateBookingDto): Promise<BookingResponse> {
    const current = await this.access.require(auth, id);
    const timesChange = dto.startsAt !== undefined || dto.endsAt !== undefined || dto.weeks !== undefined;
    if (!timesChange && dto.notes === undefined) {
      return toBookingResponse(current, await this.access.childrenOf(current), 'parent');
    }
    const outcome = await this.locks.withLockedBooking(auth, id, async (manager, booking, profile) => {
      const refusal = modifyRefusal(booking);
      if (refusal) throw refusal;
      const children = await this.access.childrenOf(booking, manager);
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
      const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
      return { booking: detailed, children, after: await this.notifier.queue(manager, 'changed', detailed, children) };
    });
    return this.access.respond(auth, outcome);
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
