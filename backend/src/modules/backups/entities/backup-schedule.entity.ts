import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum BackupFrequency {
  Off = 'off',
  Daily = 'daily',
  Weekly = 'weekly',
  Cron = 'cron',
}

/** When scheduled backups run and how many are kept: one row (`default`). */
@Entity('backup_schedule')
export class BackupSchedule {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  frequency: BackupFrequency;

  /** `HH:MM`, UK time, for daily and weekly. */
  @Column({ type: 'varchar', length: 5, default: '02:00' })
  time: string;

  /** 0 = Sunday ... 6 = Saturday, for weekly. */
  @Column({ type: 'int', nullable: true })
  weekday: number | null;

  /** Five-field cron expression (UK time), for `cron`. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  cron: string | null;

  /** How many successful backups to keep; older archives are deleted. */
  @Column({ type: 'int', default: 7 })
  retention: number;

  /** The scheduled time last started, so each one runs once. */
  @Column({ type: 'datetime', nullable: true })
  lastScheduledFor: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
