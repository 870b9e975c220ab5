import { Column, Entity, Index } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { UuidEntity } from '@app/database/uuid-entity';

export enum JobOutcome {
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
}

/** The history of scheduled job runs: what ran, where, for how long, and how it ended. */
@Entity('job_runs')
@Index('IDX_job_runs_name_started', ['name', 'startedAt'])
@Index('IDX_job_runs_outcome_started', ['outcome', 'startedAt'])
export class JobRun extends UuidEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  instanceId: string;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: JobOutcome;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  @Column({ type: 'simple-json', nullable: true })
  summary: FlatJson | null;
}
