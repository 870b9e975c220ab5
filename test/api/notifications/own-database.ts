import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { scratchDatabase, scratchUrl, testDialect } from '../../../scripts/db-scratch';

/**
 * A migrated database of this test file's own, of the run's dialect. The dispatcher sends every
 * due email in the database it runs on; in the run's shared database that would include other
 * test files' emails (and mark them sent or dead under those files' feet), and "nothing more was
 * sent" could not be asserted. Pass `url` as DATABASE_URL to startTestApp.
 */
export async function ownDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const scratch = await scratchDatabase(testDialect(), 'cmc_mail');
  const dataSource = new DataSource(dataSourceOptions(scratch.config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return { url: scratchUrl(scratch.config), drop: scratch.drop };
}
