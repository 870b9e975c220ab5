import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
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
export class EmailDispatchJob implements OnModuleInit {
  private readonly logger = new Logger(EmailDispatchJob.name);

  constructor(
    private readonly dispatcher: EmailDispatcher,
    private readonly registry: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: EMAIL_DISPATCH_JOB,
      description: 'Sends the emails waiting in the outbox, retrying failed ones with backoff.',
      schedule: 'Every 5 seconds, when emails are due',
      leaseMs: LEASE_MS,
      work: () => this.dispatcher.dispatchDue(),
    });
  }

  @Interval(EMAIL_DISPATCH_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      // Most ticks find nothing to send: checking first keeps them out of the lease table and
      // the job-run history, which would otherwise gain a row every five seconds per cluster.
      if (!(await this.dispatcher.hasDue())) return;
      await this.registry.run(EMAIL_DISPATCH_JOB);
    } catch (error) {
      // A throw here would surface as an unhandled rejection; the next tick simply tries again.
      this.logger.error({ err: error }, 'Email dispatch failed');
    }
  }
}
