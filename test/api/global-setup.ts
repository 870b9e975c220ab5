import 'tsconfig-paths/register';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { scratchDatabase } from '../../scripts/db-scratch';

/**
 * One fresh MariaDB database per API test run, migrated once. Test files share it and keep out
 * of each other's way by creating their own users (factories give every user a unique email).
 */
export default async function globalSetup(): Promise<void> {
  const scratch = await scratchDatabase('mysql', 'cmc_test');
  const dataSource = new DataSource(dataSourceOptions(scratch.config));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  if (scratch.config.type !== 'mysql') throw new Error('unreachable');
  process.env.TEST_DATABASE_URL = scratch.config.url.replace(/^mysql:/, scratch.config.flavour + ':');
  (globalThis as { __dropTestDatabase?: () => Promise<void> }).__dropTestDatabase = scratch.drop;
}
