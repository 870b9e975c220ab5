import { Injectable } from '@nestjs/common';
import { ChildBookingsPort } from '@app/modules/children/child-bookings.port';
import { BookingsRepository } from './bookings.repository';

/** The children module's "may this child be removed?" (ChildBookingsPort), from the bookings tables alone. */
@Injectable()
export class ChildBookings implements ChildBookingsPort {
  constructor(private readonly bookings: BookingsRepository) {}

  hasActiveBooking(childId: string): Promise<boolean> {
    return this.bookings.hasActiveForChild(childId, new Date());
  }
}
