import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { scratchDatabase } from '../../../scripts/db-scratch';

/**
 * A migrated database of this test file's own. The dispatcher sends every due email in the
 * database it runs on; in the run's shared database that would include other test files'
 * emails (and mark them sent or dead under those files' feet), and "nothing more was sent"
 * could not be asserted. Pass `url` as DATABASE_URL to startTestApp.
 */
export async function ownDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const scratch = await scratchDatabase('mysql', 'cmc_mail');
  if (scratch.config.type !== 'mysql') throw new Error('unreachable');
  const dataSource = new DataSource(dataSourceOptions(scratch.config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return { url: scratch.config.url.replace(/^mysql:/, `${scratch.config.flavour}:`), drop: scratch.drop };
}
