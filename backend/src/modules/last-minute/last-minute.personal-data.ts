import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { LastMinuteOpening } from './entities/last-minute-opening.entity';
import { LastMinuteSettings } from './entities/last-minute-settings.entity';

@Injectable()
export class LastMinutePersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'lastMinute',
      export: async (userId) => ({
        settings: await this.dataSource.getRepository(LastMinuteSettings).findOneBy({ userId }),
        openings: (
          await this.dataSource.getRepository(LastMinuteOpening).find({ where: { childminderId: userId } })
        ).map(({ id, startsAt, endsAt, places, ageGroups, createdAt }) => ({
          id,
          startsAt,
          endsAt,
          places,
          ageGroups,
          createdAt,
        })),
      }),
      erase: async ({ userId }, manager) => {
        await manager.getRepository(LastMinuteSettings).delete({ userId });
        await manager.getRepository(LastMinuteOpening).delete({ childminderId: userId });
      },
    });
  }
}
