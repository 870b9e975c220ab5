import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { redactColumns } from '@app/modules/privacy/redact';
import { Notification } from './entities/notification.entity';

@Injectable()
export class NotificationsFeedPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'notifications',
      export: async (userId) =>
        (
          await this.dataSource.getRepository(Notification).find({ where: { userId }, order: { createdAt: 'ASC' } })
        ).map(({ type, title, body, link, readAt, createdAt }) => ({ type, title, body, link, readAt, createdAt })),
      erase: async (subject, manager) => {
        await manager.getRepository(Notification).delete({ userId: subject.userId });
        await redactColumns(manager, Notification, ['title', 'body', 'link'], subject);
      },
    });
  }
}
