import { randomUUID } from 'node:crypto';
import { PrimaryColumn } from 'typeorm';

/**
 * Rows keyed by a UUID generated in the application, stored as varchar(36) on every dialect
 * (MariaDB's native uuid type would make its schema differ from MySQL 8's). The id exists as
 * soon as the object is created, so related rows can be written in the same transaction.
 */
export abstract class UuidEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();
}
