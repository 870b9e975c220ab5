import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Makes transactions on the embedded SQLite database take turns.
 *
 * TypeORM's better-sqlite3 driver has a single connection for the whole process. Two requests that
 * each open a transaction at the same moment share it: the second's BEGIN fails ("cannot start a
 * transaction within a transaction", a 500 for two people signing in at once), or it becomes a
 * savepoint inside the first and commits or rolls back with it. SQLite allows one writer at a
 * time anyway, so queueing costs nothing a user would notice. A transaction opened inside
 * another (the same async call chain) is not queued behind itself: it runs at once and TypeORM
 * makes it a savepoint, as on MariaDB.
 */
export function serialiseSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const insideTransaction = new AsyncLocalStorage<true>();
  const turn = new Mutex();
  manager.transaction = ((...args: unknown[]) =>
    insideTransaction.getStore()
      ? transaction(...args)
      : turn.runExclusive(() =>
          insideTransaction.run(true, () => transaction(...args)),
        )) as EntityManager['transaction'];
  return dataSource;
}
