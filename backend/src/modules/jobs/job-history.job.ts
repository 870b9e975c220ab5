import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobRegistry } from './job-registry';
import { JobsService } from './jobs.service';

export const JOB_HISTORY_PRUNE_JOB = 'job-history-prune';
/** How long job_runs keeps a run: long enough to look back over a month of incidents. */
export const JOB_HISTORY_DAYS = 30;

/** Keeps the job-run history bounded. Fires only when the scheduler runs (JOBS_ENABLED). */
@Injectable()
export class JobHistoryJob implements OnModuleInit {
  private readonly logger = new Logger(JobHistoryJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: JOB_HISTORY_PRUNE_JOB,
      description: `Deletes the history of job runs older than ${JOB_HISTORY_DAYS} days.`,
      schedule: 'Every day at 03:00 (UK time)',
      leaseMs: 10 * 60_000,
      work: async () => ({
        deleted: await this.jobs.pruneRunsBefore(new Date(Date.now() - JOB_HISTORY_DAYS * 24 * 3600_000)),
      }),
    });
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: JOB_HISTORY_PRUNE_JOB, timeZone: 'Europe/London' })
  async prune(): Promise<void> {
    try {
      await this.registry.run(JOB_HISTORY_PRUNE_JOB);
    } catch (error) {
      // A scheduler callback must never throw: the next day's run tries again.
      this.logger.error({ err: error }, 'Could not prune the job history');
    }
  }
}
