import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { EmailOutbox } from './entities/email-outbox.entity';
import { NotificationPreference } from './entities/notification-preference.entity';

/** Emails to the user are deleted; emails to others about them lose their name and address. */
@Injectable()
export class NotificationsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'email',
      export: async (userId) => ({
        preferences: (await this.dataSource.getRepository(NotificationPreference).find({ where: { userId } })).map(
          ({ type, channel, enabled }) => ({ type, channel, enabled }),
        ),
        emails: (
          await this.dataSource.getRepository(EmailOutbox).find({ where: { userId }, order: { createdAt: 'ASC' } })
        ).map(({ toAddress, template, subject, text, status, sentAt, createdAt }) => ({
          toAddress,
          template,
          subject,
          text,
          status,
          sentAt,
          createdAt,
        })),
      }),
      erase: async (subject, manager) => {
        await manager.getRepository(NotificationPreference).delete({ userId: subject.userId });
        const outbox = manager.getRepository(EmailOutbox);
        await outbox.delete({ userId: subject.userId });
        for (const address of subject.identifiers.filter((id) => id.includes('@'))) {
          await outbox.delete({ toAddress: address.toLowerCase() });
        }
        await redactColumns(manager, EmailOutbox, ['toName', 'subject', 'html', 'text'], subject);
      },
    });
  }
}
