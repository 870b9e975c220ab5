import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './entities/notification.entity';
import { NotificationsFeedController } from './notifications-feed.controller';
import { NotificationsFeedRepository } from './notifications-feed.repository';
import { NotificationsFeedService } from './notifications-feed.service';
import { NotificationsFeedPersonalData } from './notifications-feed.personal-data';

/** The in-app notification feed (the bell). Separate from NotificationsModule (emails, preferences). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsFeedController],
  providers: [NotificationsFeedPersonalData, NotificationsFeedRepository, NotificationsFeedService],
  exports: [NotificationsFeedService],
})
export class NotificationsFeedModule {}
