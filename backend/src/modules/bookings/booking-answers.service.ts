import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { formatUkRange } from '@app/modules/availability/time-ranges';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import type { Child } from '@app/modules/children/entities/child.entity';
import { BookingException, refused } from './booking.exception';
import { BookingAccess, Outcome, viewerOf } from './booking-access';
import { BookingChecks } from './booking-checks';
import { BookingLocks } from './booking-locks';
import { BookingNotifier, CancelledBy } from './booking-notifier';
import {
  cancelRefusal,
  changedMeanwhile,
  confirmRefusal,
  FROM,
  rejectRefusal,
  transitionError,
} from './booking-transitions';
import { BookingsRepository } from './bookings.repository';
import { ChildminderBookingAction, RespondToBookingDto } from './dto/booking-requests.dto';
import { sessionsOf } from './dto/booking.mapper';
import { BookingResponse } from './dto/booking.response';
import { Booking, BookingStatus } from './entities/booking.entity';

/**
 * A booking's answers and cancellations: confirm, reject, cancel. Each runs under the booking
 * locks (BookingLocks), checks the state machine (booking-transitions), moves the status with a
 * conditional update and queues the notifications in the same transaction.
 */
@Injectable()
export class BookingAnswersService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly access: BookingAccess,
    private readonly locks: BookingLocks,
    private readonly checks: BookingChecks,
    private readonly notifier: BookingNotifier,
  ) {}

  /** The childminder confirms, rejects (with a reason) or cancels (with a reason). */
  async answer(auth: AuthContext, id: string, dto: RespondToBookingDto): Promise<BookingResponse> {
    const outcome = await this.locks.withLockedBooking(auth, id, (manager, booking, profile) =>
      this.applyLocked(manager, booking, profile, viewerOf(auth), dto),
    );
    return this.access.respond(auth, outcome);
  }

  /**
   * Cancels with a reason. A parent or an admin may cancel a pending or a confirmed booking; a
   * childminder cancels confirmed ones (a pending request is rejected instead). Not once finished.
   */
  async cancel(auth: AuthContext, id: string, reason: string | null): Promise<BookingResponse> {
    const outcome = await this.locks.withLockedBooking(auth, id, (manager, booking) =>
      this.cancelLocked(manager, booking, viewerOf(auth), reason),
    );
    return this.access.respond(auth, outcome);
  }

  /** `answer`'s work, inside a transaction holding the booking locks (an admin's update shares it). */
  applyLocked(
    manager: EntityManager,
    booking: Booking,
    profile: ChildminderProfile,
    by: CancelledBy,
    dto: RespondToBookingDto,
  ): Promise<Outcome> {
    switch (dto.action) {
      case ChildminderBookingAction.Confirm:
        return this.confirmLocked(manager, booking, profile);
      case ChildminderBookingAction.Reject:
        return this.rejectLocked(manager, booking, dto.reason ?? null);
      case ChildminderBookingAction.Cancel:
        return this.cancelLocked(manager, booking, by, dto.reason ?? null);
    }
  }

  /** `cancel`'s work, inside a transaction holding the booking locks. */
  async cancelLocked(
    manager: EntityManager,
    booking: Booking,
    by: CancelledBy,
    reason: string | null,
  ): Promise<Outcome> {
    const now = new Date();
    const refusal = cancelRefusal(booking, by, now);
    if (refusal) throw refusal;
    await this.moveOrFail(
      booking.id,
      FROM.cancel,
      { status: BookingStatus.Cancelled, statusReason: reason, cancelledBy: by, statusChangedAt: now },
      manager,
    );
    const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
    const children = await this.access.childrenOf(detailed, manager);
    return {
      booking: detailed,
      children,
      after: await this.notifier.queue(manager, 'cancelled', detailed, children, { cancelledBy: by }),
    };
  }

  private async confirmLocked(manager: EntityManager, booking: Booking, profile: ChildminderProfile): Promise<Outcome> {
    const wrongStatus = confirmRefusal(booking);
    if (wrongStatus) throw wrongStatus;
    const children = await this.access.childrenOf(booking, manager);
    const refusal = await this.confirmationRefusal(manager, booking, profile, children);
    if (refusal) throw refusal;
    return this.markConfirmed(manager, booking, children);
  }

  private async rejectLocked(manager: EntityManager, booking: Booking, reason: string | null): Promise<Outcome> {
    const refusal = rejectRefusal(booking);
    if (refusal) throw refusal;
    await this.moveOrFail(
      booking.id,
      FROM.reject,
      { status: BookingStatus.Rejected, statusReason: reason, statusChangedAt: new Date() },
      manager,
    );
    const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
    const children = await this.access.childrenOf(detailed, manager);
    return { booking: detailed, children, after: await this.notifier.queue(manager, 'rejected', detailed, children) };
  }

  /**
   * Why this pending booking cannot be confirmed now, or null when it can: it has not begun, and
   * it passes every booking rule against the childminder's confirmed bookings. Run under the
   * childminder's row lock, by a childminder's confirmation and by an auto-accept rule alike.
   */
  async confirmationRefusal(
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
  async markConfirmed(
    manager: EntityManager,
    booking: Booking,
    children: Child[],
    options: { automatic?: boolean } = {},
  ): Promise<Outcome> {
    await this.moveOrFail(
      booking.id,
      FROM.confirm,
      { status: BookingStatus.Confirmed, statusChangedAt: new Date() },
      manager,
    );
    const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
    return {
      booking: detailed,
      children,
      after: await this.notifier.queue(manager, 'confirmed', detailed, children, options),
    };
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
    if (!(await this.bookings.transition(id, from, changes, manager))) throw changedMeanwhile();
  }
}
