import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { UserActivity } from './entities/user-activity.entity';

@Injectable()
export class ActivityPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'activity',
      export: async (userId) =>
        (
          await this.dataSource.getRepository(UserActivity).find({ where: { userId }, order: { createdAt: 'ASC' } })
        ).map(({ type, description, ip, userAgent, metadata, createdAt }) => ({
          type,
          description,
          ip,
          userAgent,
          metadata,
          createdAt,
        })),
      erase: async ({ userId }, manager) => {
        await manager.getRepository(UserActivity).delete({ userId });
      },
    });
  }
}
