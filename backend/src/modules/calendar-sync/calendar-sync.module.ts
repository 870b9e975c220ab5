import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '@app/modules/availability/availability.module';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { CalendarEntriesSource } from './calendar-entries';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { CalendarPushService } from './calendar-push.service';
import { CalendarFeedController, CalendarSyncController } from './calendar-sync.controller';
import { CalendarSyncJobs } from './calendar-sync.jobs';
import { CalendarSyncRepository } from './calendar-sync.repository';
import { CalendarSyncService } from './calendar-sync.service';
import { CalendarConnection } from './entities/calendar-connection.entity';
import { CalendarEventLink } from './entities/calendar-event-link.entity';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { CalendarOAuthState } from './entities/calendar-oauth-state.entity';
import { GoogleCalendarGateway } from './google-calendar.gateway';
import { IcsFeedService } from './ics-feed.service';
import { OAuthStateCookie } from './oauth-state-cookie';

/**
 * Google Calendar both ways (push bookings and availability; read a childminder's busy time as
 * unavailable time through AvailabilityService) and each user's ICS feed. Reads calendars
 * through the bookings module's BookingDashboardService. Needs the global jobs and crypto modules.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarConnection, CalendarEventLink, CalendarOAuthState, CalendarFeed]),
    AvailabilityModule,
    BookingsModule,
  ],
  controllers: [CalendarSyncController, CalendarFeedController],
  providers: [
    GoogleCalendarGateway,
    CalendarSyncRepository,
    CalendarFeedsRepository,
    CalendarEntriesSource,
    CalendarPushService,
    CalendarSyncService,
    IcsFeedService,
    OAuthStateCookie,
    CalendarSyncJobs,
  ],
})
export class CalendarSyncModule {}
