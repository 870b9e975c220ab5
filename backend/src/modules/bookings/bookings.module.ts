import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '@app/modules/availability/availability.module';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { BookingRelationshipPort } from '@app/modules/messaging/booking-relationship.port';
import { ChildrenModule } from '@app/modules/children/children.module';
import { LastMinuteModule } from '@app/modules/last-minute/last-minute.module';
import { MessagingModule } from '@app/modules/messaging/messaging.module';
import { NotificationsFeedModule } from '@app/modules/notifications-feed/notifications-feed.module';
import { BookingAccess } from './booking-access';
import { BookingAdminService } from './booking-admin.service';
import { BookingAnswersService } from './booking-answers.service';
import { BookingChecks } from './booking-checks';
import { BookingDashboardService } from './booking-dashboard.service';
import { BookingLocks } from './booking-locks';
import { BookingNotifier } from './booking-notifier';
import { BookingRequestsService } from './booking-requests.service';
import {
  AdminBookingsController,
  ChildminderBookingsController,
  ParentBookingsController,
} from './bookings.controllers';
import { BookingsLifecycleJob } from './bookings-lifecycle.job';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { BookingChild } from './entities/booking-child.entity';
import { BookingSession } from './entities/booking-session.entity';
import { Booking } from './entities/booking.entity';
import { BookingsPersonalData } from './bookings.personal-data';

/**
 * Bookings with EYFS capacity, their lifecycle job and notifications, and the parent's and
 * childminder's dashboards (stats and calendars). Needs the global notifications, realtime,
 * jobs, audit and subscriptions modules.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Booking, BookingSession, BookingChild]),
    AvailabilityModule,
    ChildmindersModule,
    ChildrenModule,
    // The childminders' auto-accept rules (AutoAcceptRules); that module does not import this one.
    LastMinuteModule,
    // Each needs the other: dashboards show unread counts, messaging asks about bookings.
    forwardRef(() => MessagingModule),
    NotificationsFeedModule,
  ],
  controllers: [ParentBookingsController, ChildminderBookingsController, AdminBookingsController],
  providers: [
    BookingsPersonalData,
    BookingsRepository,
    BookingChecks,
    BookingNotifier,
    BookingAccess,
    BookingLocks,
    BookingsService,
    BookingRequestsService,
    BookingAnswersService,
    BookingAdminService,
    BookingDashboardService,
    BookingsLifecycleJob,
    // Answers messaging's "may this childminder write first?" (see BookingRelationshipPort).
    { provide: BookingRelationshipPort, useExisting: BookingsService },
  ],
  // BookingDashboardService: the calendars that calendar-sync pushes to Google and serves as ICS.
  exports: [BookingsService, BookingDashboardService, BookingRelationshipPort],
})
export class BookingsModule {}
