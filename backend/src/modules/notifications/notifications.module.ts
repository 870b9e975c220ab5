import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminOutboxController } from './email/admin-outbox.controller';
import { AdminOutboxService } from './email/admin-outbox.service';
import { EmailDispatchJob } from './email/email-dispatch.job';
import { EmailDispatcher } from './email/email-dispatcher';
import { EmailOutboxRepository } from './email/email-outbox.repository';
import { EmailOutboxService } from './email/email-outbox.service';
import { mailTransportProvider } from './email/transport/mail-transport.provider';
import { EmailOutbox } from './entities/email-outbox.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsPersonalData } from './notifications.personal-data';

/**
 * Emails (queued in the outbox with the change that causes them, sent by a scheduled
 * dispatcher through the configured transport) and users' notification preferences.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EmailOutbox, NotificationPreference])],
  controllers: [NotificationPreferencesController, AdminOutboxController],
  providers: [
    NotificationsPersonalData,
    AdminOutboxService,
    EmailOutboxRepository,
    EmailOutboxService,
    mailTransportProvider,
    EmailDispatcher,
    EmailDispatchJob,
    NotificationPreferencesRepository,
    NotificationPreferencesService,
  ],
  exports: [EmailOutboxService, EmailDispatcher, NotificationPreferencesService],
})
export class NotificationsModule {}
