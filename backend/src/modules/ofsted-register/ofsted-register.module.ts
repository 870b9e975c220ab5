import { Module } from '@nestjs/common';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { NotificationsModule } from '@app/modules/notifications/notifications.module';
import { NotificationsFeedModule } from '@app/modules/notifications-feed/notifications-feed.module';
import { UsersModule } from '@app/modules/users/users.module';
import { OfstedRegisterFeed } from './ofsted-register-feed';

/**
 * Ofsted's register of childminders, delivered to POST /api/webhook as the `ofsted` integration
 * (docs/ofsted-register-feed.md). Owns no table: it updates profiles through ChildmindersService.
 */
@Module({
  imports: [ChildmindersModule, NotificationsModule, NotificationsFeedModule, UsersModule],
  providers: [OfstedRegisterFeed],
})
export class OfstedRegisterModule {}
