import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { dataSourceOptions } from './data-source-options';
import { serialiseSqliteTransactions } from './sqlite-transactions';

/** Applies pending migrations; run at start-up unless DB_MIGRATE_ON_START=false. */
@Injectable()
export class DatabaseMigrator {
  private readonly logger = new Logger(DatabaseMigrator.name);

  constructor(private readonly dataSource: DataSource) {}

  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) this.logger.log(`Applied migration ${migration.name}`);
    return applied.map((m) => m.name);
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: async (options) => serialiseSqliteTransactions(await new DataSource(options!).initialize()),
    }),
  ],
  providers: [DatabaseMigrator],
  exports: [DatabaseMigrator],
})
export class DatabaseModule {}
