import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

export enum BackupKind {
  Backup = 'backup',
  Restore = 'restore',
}

export enum BackupTrigger {
  Manual = 'manual',
  Scheduled = 'scheduled',
}

export enum BackupStatus {
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
}

/** One backup or restore attempt: what, who, how long, how big and how it ended. */
@Entity('backup_runs')
@Index('IDX_backup_runs_started', ['startedAt'])
export class BackupRun extends UuidEntity {
  @Column({ type: 'varchar', length: 10 })
  kind: BackupKind;

  @Column({ type: 'varchar', length: 10 })
  trigger: BackupTrigger;

  @Column({ type: 'varchar', length: 10 })
  status: BackupStatus;

  /** The archive written (backup) or read (restore), inside BACKUP_DIR. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: unknown) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number | null;

  @Column({ type: 'int', nullable: true })
  durationMs: number | null;

  /** The admin who started it; null for the schedule. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  startedById: string | null;

  /** Who that was, as they signed in then (the users table may later be restored without them). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  startedByEmail: string | null;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** 0 to 100. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  phase: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  /** The last migration of the schema the archive holds. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  schemaVersion: string | null;

  @Column({ type: 'int', nullable: true })
  rowCount: number | null;

  /** When the schedule's retention deleted the archive. */
  @Column({ type: 'datetime', nullable: true })
  prunedAt: Date | null;

  /** For a restore: the backup run whose archive was restored. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceRunId: string | null;
}
