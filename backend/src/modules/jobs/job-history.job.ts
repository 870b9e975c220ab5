import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobsService } from './jobs.service';

/** How long job_runs keeps a run: long enough to look back over a month of incidents. */
export const JOB_HISTORY_DAYS = 30;

/** Keeps the job-run history bounded. Fires only when the scheduler runs (JOBS_ENABLED). */
@Injectable()
export class JobHistoryJob {
  private readonly logger = new Logger(JobHistoryJob.name);

  constructor(private readonly jobs: JobsService) {}

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'job-history-prune', timeZone: 'Europe/London' })
  async prune(): Promise<void> {
    try {
      await this.jobs.runExclusive('job-history-prune', 10 * 60_000, async () => ({
        deleted: await this.jobs.pruneRunsBefore(new Date(Date.now() - JOB_HISTORY_DAYS * 24 * 3600_000)),
      }));
    } catch (error) {
      // A scheduler callback must never throw: the next day's run tries again.
      this.logger.error({ err: error }, 'Could not prune the job history');
    }
  }
}
