import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailOutboxService } from './email/email-outbox.service';
import { EmailOutbox } from './entities/email-outbox.entity';
import { NotificationPreference } from './entities/notification-preference.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EmailOutbox, NotificationPreference])],
  providers: [EmailOutboxService],
  exports: [EmailOutboxService],
})
export class NotificationsModule {}
