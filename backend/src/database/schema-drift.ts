import { DataSource } from 'typeorm';

export interface SchemaDrift {
  up: { query: string; parameters?: unknown[] }[];
  down: { query: string; parameters?: unknown[] }[];
}

/**
 * What the database lacks compared with the entities, after applying every migration.
 * Empty means the migrations are in step with the entities.
 */
export async function measureSchemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  await dataSource.runMigrations({ transaction: 'each' });
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => ({ query: q.query, parameters: q.parameters })),
    down: log.downQueries.map((q) => ({ query: q.query, parameters: q.parameters })),
  };
}
