/**
 * `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
 * the embedded SQLite file under DATA_DIR) without starting the server. `--revert` undoes the last.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { ConfigurationError } from '@app/config/environment';
import { dataSourceOptions } from './data-source-options';

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration');
      return;
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? applied.map((m) => `Applied ${m.name}`).join('\n') : 'The database is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
