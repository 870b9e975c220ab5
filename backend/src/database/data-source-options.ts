import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '@app/config/app-config';
import { MYSQL_MIGRATIONS } from '../../../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../../../migrations/sqlite';
import { ENTITIES } from './entities';
import { MillisecondTimestampsSubscriber } from './millisecond-timestamps';

export type Dialect = DatabaseConfig['type'];

/** TypeORM options for the configured dialect. The schema only ever changes through migrations. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // Failed queries surface as errors where they matter (the error filter, job runs); TypeORM's own
    // logger would also print expected ones, such as a duplicate webhook event losing its race.
    logging: false,
  };
  if (database.type === 'mysql') {
    return {
      ...common,
      type: database.flavour,
      url: database.url,
      migrations: MYSQL_MIGRATIONS,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: false,
      extra: { connectionLimit: 10 },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: SQLITE_MIGRATIONS,
    subscribers: [MillisecondTimestampsSubscriber],
    enableWAL: true,
    // Other connections (the CLI, a second instance by mistake) wait instead of failing at once.
    timeout: 5000,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
