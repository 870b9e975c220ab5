import 'tsconfig-paths/register';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { scratchDatabase, scratchUrl, testDialect } from '../../scripts/db-scratch';

/**
 * One fresh database per API test run, migrated once: a MariaDB database, or with
 * TEST_DIALECT=sqlite a new SQLite file (the embedded default). `npm test` runs the stage once
 * per dialect, in parallel. Test files share the database and keep out of each other's way by
 * creating their own users (factories give every user a unique email).
 */
export default async function globalSetup(): Promise<void> {
  const dialect = testDialect();
  const scratch = await scratchDatabase(dialect, 'cmc_test');
  const dataSource = new DataSource(dataSourceOptions(scratch.config));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.TEST_DIALECT = dialect;
  process.env.TEST_DATABASE_URL = scratchUrl(scratch.config);
  (globalThis as { __dropTestDatabase?: () => Promise<void> }).__dropTestDatabase = scratch.drop;
}
