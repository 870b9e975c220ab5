import { EntityManager, FindOneOptions } from 'typeorm';

/**
 * `SELECT ... FOR UPDATE` on MySQL/MariaDB. SQLite has no row locks and TypeORM refuses the
 * option there; its writers are serialised by the database lock instead, so nothing is lost.
 */
export function forUpdate(manager: EntityManager): Pick<FindOneOptions, 'lock'> {
  return manager.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' } };
}
