import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildBookingsPort } from '@app/modules/children/child-bookings.port';
import { BookingsRepository } from './bookings.repository';
import { ChildBookings } from './child-bookings';
import { BookingSession } from './entities/booking-session.entity';
import { Booking } from './entities/booking.entity';

/**
 * The bookings module's answer to the children module (ChildBookingsPort). It needs nothing but
 * the bookings tables, so ChildrenModule imports it while BookingsModule imports ChildrenModule:
 * no cycle, and no lookup that could silently find nothing (a child with an active booking
 * could then be removed).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Booking, BookingSession])],
  providers: [BookingsRepository, ChildBookings, { provide: ChildBookingsPort, useExisting: ChildBookings }],
  exports: [ChildBookingsPort],
})
export class ChildBookingsModule {}
