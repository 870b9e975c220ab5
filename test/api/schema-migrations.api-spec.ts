import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { measureSchemaDrift } from '@app/database/schema-drift';
import { scratchDatabase } from '../../scripts/db-scratch';

/**
 * The entities are the schema's source; the migrations must build exactly that schema on both
 * dialects. When this fails, run `npm run db:generate -- DescribeTheChange` and commit the files.
 */
describe.each(['mysql', 'sqlite'] as const)('The %s migrations', (dialect) => {
  it('apply to an empty database and leave nothing for the entities to add', async () => {
    const scratch = await scratchDatabase(dialect, 'cmc_drift');
    const dataSource = new DataSource(dataSourceOptions(scratch.config));
    try {
      await dataSource.initialize();
      const drift = await measureSchemaDrift(dataSource);
      expect(drift.up.map((q) => q.query)).toEqual([]);
      // And they can be rolled back to nothing, so a bad deploy can be undone.
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
      const left = await dataSource.query(
        dialect === 'mysql'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'"
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')",
      );
      expect(left).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await scratch.drop();
    }
  });
});
