import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { ChildrenService } from '@app/modules/children/children.service';
import type { Child } from '@app/modules/children/entities/child.entity';
import { bookingNotFound } from './booking.exception';
import { AfterCommit, BookingNotifier } from './booking-notifier';
import { BookingsRepository } from './bookings.repository';
import { BookingViewer, toBookingResponse } from './dto/booking.mapper';
import { BookingResponse } from './dto/booking.response';
import { Booking } from './entities/booking.entity';

/** Which view of a booking the caller gets. */
export const viewerOf = (auth: AuthContext): BookingViewer =>
  ADMIN_ROLES.includes(auth.role) ? 'admin' : auth.role === Role.Childminder ? 'childminder' : 'parent';

/** Its parent, its childminder and admins may see a booking; nobody else. */
export function mayAccess(auth: AuthContext, booking: Pick<Booking, 'parentId' | 'childminderId'>): boolean {
  if (ADMIN_ROLES.includes(auth.role)) return true;
  if (auth.role === Role.Parent) return booking.parentId === auth.userId;
  if (auth.role === Role.Childminder) return booking.childminderId === auth.userId;
  return false;
}

/** A change made in a transaction: the booking as it now is, its children, and what to announce after commit. */
export interface Outcome {
  booking: Booking;
  children: Child[];
  after?: AfterCommit;
}

/** Who may see which booking, and what they are shown. */
@Injectable()
export class BookingAccess {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly children: ChildrenService,
    private readonly notifier: BookingNotifier,
  ) {}

  /**
   * The booking behind `id` if `auth` may see it (its parent, its childminder, an admin);
   * otherwise the same 404 as for an id that does not exist. Every method taking an id starts here.
   */
  async require(auth: AuthContext, id: string, manager?: EntityManager): Promise<Booking> {
    const booking = await this.bookings.findDetailed(id, manager);
    if (!booking || !mayAccess(auth, booking)) throw bookingNotFound();
    return booking;
  }

  childrenOf(booking: Booking, manager?: EntityManager): Promise<Child[]> {
    return this.children.findByIds(
      (booking.children ?? []).map((link) => link.childId),
      manager,
    );
  }

  /** After commit: announces the change, and answers with the caller's view of the booking. */
  async respond(auth: AuthContext, outcome: Outcome): Promise<BookingResponse> {
    if (outcome.after) await this.notifier.announce(outcome.after);
    return toBookingResponse(outcome.booking, outcome.children, viewerOf(auth));
  }
}
