import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction. Writes that must stand or fall together (a change and the
 * outbox rows it causes) share the manager passed in.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
