import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { isLockContention } from '@app/database/lock-contention';
import { inTransaction } from '@app/database/transaction';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { ChildrenService } from '@app/modules/children/children.service';
import { BookingErrorCode, BookingException, bookingNotFound } from './booking.exception';
import { mayAccess } from './booking-access';
import { BookingsRepository } from './bookings.repository';
import { Booking } from './entities/booking.entity';

/**
 * The locks every booking change takes, always in one order: the childminder's profile row,
 * then the children's rows (see ChildmindersService.lockById and ChildrenService.lockForBooking).
 */
@Injectable()
export class BookingLocks {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly childminders: ChildmindersService,
    private readonly children: ChildrenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Runs `work` in a transaction that first locks the booking's childminder profile, then its
   * children, then reads the booking afresh: whatever another request changed before the locks
   * were granted is seen. Someone else's booking is the same 404 as a missing one.
   */
  async withLockedBooking<T>(
    auth: AuthContext,
    id: string,
    work: (manager: EntityManager, booking: Booking, profile: ChildminderProfile) => Promise<T>,
  ): Promise<T> {
    // A booking's children never change, so they can be read before the transaction.
    const peek = await this.bookings.findDetailed(id);
    if (!peek || !mayAccess(auth, peek)) throw bookingNotFound();
    return this.transaction(async (manager) => {
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
   * A transaction whose work takes the childminder lock first. Waiting too long for the lock, or
   * a deadlock, rolls it back: it is tried once more, then the caller hears "busy" (503), never a 500.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
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
}
