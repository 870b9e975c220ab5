import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@app/modules/privacy/personal-data.registry';
import { AdminPreferences } from './entities/admin-preferences.entity';

@Injectable()
export class AdminPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'adminSettings',
      export: async (userId) =>
        (await this.dataSource.getRepository(AdminPreferences).findOneBy({ userId }))?.notifications ?? null,
      erase: async ({ userId }, manager) => {
        await manager.getRepository(AdminPreferences).delete({ userId });
      },
    });
  }
}
