import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { ComplianceOverride } from './entities/compliance-override.entity';

@Injectable()
export class CompliancePersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'compliance',
      export: async (userId) =>
        (await this.dataSource.getRepository(ComplianceOverride).find({ where: { userId } })).map(
          ({ status, reason, createdAt, updatedAt }) => ({ status, reason, createdAt, updatedAt }),
        ),
      erase: async ({ userId }, manager) => {
        await manager.getRepository(ComplianceOverride).delete({ userId });
      },
    });
  }
}
