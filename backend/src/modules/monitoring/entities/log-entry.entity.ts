import { Column, Entity, Index } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { UuidEntity } from '@app/database/uuid-entity';

export enum LogSeverity {
  Warn = 'warn',
  Error = 'error',
  Fatal = 'fatal',
  Audit = 'audit',
}

/** A persisted warning, error or audit event, for the admin log viewer. */
@Entity('log_entries')
@Index('IDX_log_entries_created', ['createdAt'])
@Index('IDX_log_entries_severity_created', ['severity', 'createdAt'])
export class LogEntry extends UuidEntity {
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'varchar', length: 10 })
  severity: LogSeverity;

  /** The class or subsystem that wrote it (Nest's context, `http`, `audit`). */
  @Column({ type: 'varchar', length: 80 })
  source: string;

  @Column({ type: 'varchar', length: 2000 })
  message: string;

  @Index('IDX_log_entries_request')
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Index('IDX_log_entries_user')
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 100 })
  instanceId: string;

  /** The rest of the log line (error stack, URL, ...), bounded. */
  @Column({ type: 'simple-json', nullable: true })
  details: FlatJson | null;
}
