import { EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral } from 'typeorm';

/**
 * SQLite's default for a creation time, `datetime('now')`, has whole seconds, where MariaDB's
 * `CURRENT_TIMESTAMP(6)` has microseconds: "newest first" lists (activity, notifications,
 * messages) then put rows written in the same second in any order on SQLite only. On SQLite the
 * application sets creation times itself, to the millisecond, unless a row brings its own.
 */
@EventSubscriber()
export class MillisecondTimestampsSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    const column = event.metadata.createDateColumn;
    if (!column || !event.entity) return;
    if (column.getEntityValue(event.entity) === undefined) column.setEntityValue(event.entity, new Date());
  }
}
