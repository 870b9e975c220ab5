import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { FlatJson } from '@app/database/flat-json';
import { JobOutcome, JobRun } from '../entities/job-run.entity';
import { JobDefinition } from '../job-registry';

/** How many of a job's runs `GET /api/cron` shows, newest first. */
export const RECENT_RUNS = 5;

/** `POST /api/cron`: run one job now. */
export class RunJobDto {
  @ApiProperty({ example: 'uploads-cleanup', maxLength: 100, description: 'The name of a job GET /api/cron lists' })
  @IsString({ message: 'job must be the name of a scheduled job' })
  @Length(1, 100, { message: 'job must be the name of a scheduled job (1 to 100 characters)' })
  job: string;
}

/** One run of a job, as job_runs recorded it. */
export class JobRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'uploads-cleanup' }) job: string;
  @ApiProperty({ enum: JobOutcome, enumName: 'JobOutcome' }) outcome: JobOutcome;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while running' })
  finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'How long it took, in milliseconds' })
  durationMs: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
    example: { orphanFilesRemoved: 2, documentsWithoutFileRemoved: 0 },
    description: 'What the run did, in counts (each job its own)',
  })
  summary: FlatJson | null;
  @ApiProperty({ example: 'web-1:4242:3f2a9c1d', description: 'The server process that ran it' }) instanceId: string;
}

export class JobResponse {
  @ApiProperty({ example: 'uploads-cleanup' }) name: string;
  @ApiProperty({ example: 'Removes stored files that no document or profile photo refers to.' }) description: string;
  @ApiProperty({ example: 'Every day at 04:00 (UK time)' }) schedule: string;
  @ApiProperty({ description: 'Some server holds the job’s lease: it is running now' }) running: boolean;
  @ApiProperty({ type: JobRunResponse, nullable: true, description: 'The latest run, if any is recorded' })
  lastRun: JobRunResponse | null;
  @ApiProperty({ type: [JobRunResponse], description: `Up to ${RECENT_RUNS} runs, newest first` })
  recentRuns: JobRunResponse[];
}

export class JobListResponse {
  @ApiProperty({ type: [JobResponse], description: 'Every scheduled job, by name' }) jobs: JobResponse[];
}

export const toJobRunResponse = (run: JobRun): JobRunResponse => ({
  id: run.id,
  job: run.name,
  outcome: run.outcome,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  error: run.error,
  summary: run.summary,
  instanceId: run.instanceId,
});

export const toJobResponse = (job: JobDefinition, running: boolean, recent: JobRun[]): JobResponse => {
  const recentRuns = recent.map(toJobRunResponse);
  return {
    name: job.name,
    description: job.description,
    schedule: job.schedule,
    running,
    lastRun: recentRuns[0] ?? null,
    recentRuns,
  };
};
