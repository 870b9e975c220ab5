import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { CareAvailability } from './care-availability';
import { AvailabilityBlock } from './entities/availability-block.entity';

@Injectable()
export class AvailabilityPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly coverage: CareAvailability,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'availability',
      export: async (userId) =>
        (await this.dataSource.getRepository(AvailabilityBlock).find({ where: { childminderId: userId } })).map(
          ({ id, type, title, description, startsAt, endsAt, recurrence, exceptionDates, createdAt }) => ({
            id,
            type,
            title,
            description,
            startsAt,
            endsAt,
            recurrence,
            exceptionDates,
            createdAt,
          }),
        ),
      erase: async ({ userId }, manager) => {
        await manager.getRepository(AvailabilityBlock).delete({ childminderId: userId });
        // Her open time goes with her blocks: the search must not find her free any more.
        await this.coverage.refresh([userId], manager);
      },
    });
  }
}
