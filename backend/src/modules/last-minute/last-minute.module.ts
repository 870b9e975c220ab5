import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { ChildrenModule } from '@app/modules/children/children.module';
import { GeoModule } from '@app/modules/geo/geo.module';
import { NotificationsModule } from '@app/modules/notifications/notifications.module';
import { NotificationsFeedModule } from '@app/modules/notifications-feed/notifications-feed.module';
import { SubscriptionsModule } from '@app/modules/subscriptions/subscriptions.module';
import { UsersModule } from '@app/modules/users/users.module';
import { AutoAcceptRules } from './auto-accept-rules';
import { OfferedTime } from './offered-time';
import { LastMinuteOpening } from './entities/last-minute-opening.entity';
import { LastMinuteSettings } from './entities/last-minute-settings.entity';
import { LastMinuteController } from './last-minute.controller';
import { LastMinuteRepository } from './last-minute.repository';
import { LastMinuteService } from './last-minute.service';
import { LastMinutePersonalData } from './last-minute.personal-data';

/** Last-minute openings published by childminders, parents' alerts about them, and auto-accept rules. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LastMinuteOpening, LastMinuteSettings]),
    GeoModule,
    NotificationsModule,
    NotificationsFeedModule,
    SubscriptionsModule,
    // Profiles (the publishing lock), children's ages and parents' postcodes, through their services.
    ChildmindersModule,
    ChildrenModule,
    UsersModule,
  ],
  controllers: [LastMinuteController],
  providers: [LastMinutePersonalData, LastMinuteRepository, LastMinuteService, AutoAcceptRules, OfferedTime],
  // The bookings module asks for the auto-accept rules and the offered time; it imports this
  // module, never the reverse.
  exports: [AutoAcceptRules, OfferedTime],
})
export class LastMinuteModule {}
