import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailDispatcher } from './email-dispatcher';

export const EMAIL_DISPATCH_JOB = 'email-dispatch';
const EVERY_MS = 5_000;
/** Renewed while a dispatch runs (see JobsService), so it only bounds how long a crashed holder blocks. */
const LEASE_MS = 2 * 60_000;

/**
 * Sends the outbox every few seconds, on one instance of the cluster at a time. Fires only when
 * the scheduler runs (JOBS_ENABLED); tests call EmailDispatcher.dispatchDue themselves.
 */
@Injectable()
export class EmailDispatchJob {
  private readonly logger = new Logger(EmailDispatchJob.name);

  constructor(
    private readonly dispatcher: EmailDispatcher,
    private readonly jobs: JobsService,
  ) {}

  @Interval(EMAIL_DISPATCH_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      // Most ticks find nothing to send: checking first keeps them out of the lease table and
      // the job-run history, which would otherwise gain a row every five seconds per cluster.
      if (!(await this.dispatcher.hasDue())) return;
      await this.jobs.runExclusive(EMAIL_DISPATCH_JOB, LEASE_MS, () => this.dispatcher.dispatchDue());
    } catch (error) {
      // A throw here would surface as an unhandled rejection; the next tick simply tries again.
      this.logger.error({ err: error }, 'Email dispatch failed');
    }
  }
}
