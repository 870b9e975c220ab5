import { Injectable, Logger, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@app/modules/users/entities/user.entity';
import { DEMO_ACCOUNTS, DEMO_DATA_METADATA, DemoDataSeeder, DemoSeedContext } from './demo-data';

/** The logins the start-up banner prints in demo mode. */
export const DEMO_LOGINS = DEMO_ACCOUNTS;

/** The one seeding entry point: finds every @DemoData provider and runs them on an empty database. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Seeds when there are no users at all; returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    const seeders = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        order: this.reflector.get<number | undefined>(DEMO_DATA_METADATA, wrapper.metatype as Type<unknown>),
        seeder: wrapper.instance as DemoDataSeeder,
        name: (wrapper.metatype as Type<unknown>).name,
      }))
      .filter((entry) => entry.order !== undefined)
      .sort((a, b) => a.order! - b.order!);
    await this.dataSource.transaction(async (manager) => {
      const context: DemoSeedContext = { manager, users: {} };
      for (const { seeder, name } of seeders) {
        // Seeding is part of the first start's wait: each step says what it costs.
        const started = Date.now();
        await seeder.seed(context);
        this.logger.log(`Demo data: ${name} done in ${Date.now() - started} ms`);
      }
    });
    return true;
  }
}
