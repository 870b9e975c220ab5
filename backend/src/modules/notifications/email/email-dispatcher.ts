import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config/app-config';
import { EmailOutbox } from '../entities/email-outbox.entity';
import { EmailOutboxRepository } from './email-outbox.repository';
import { afterFailure, describeError } from './retry-policy';
import { MailTransport, OutgoingEmail } from './transport/mail-transport';

/** What one dispatch did; kept as the job run's summary. */
export interface DispatchSummary {
  [key: string]: number;
  sent: number;
  /** Failed and scheduled for another try. */
  retrying: number;
  /** Failed for the last allowed time. */
  dead: number;
  /** Due but not tried in this dispatch, because an earlier email in the batch failed. */
  deferred: number;
}

/** Emails sent per dispatch; the scheduler dispatches every few seconds. */
export const DISPATCH_BATCH_SIZE = 50;

/**
 * Sends due outbox rows through the configured transport, one at a time, oldest first. Only one
 * instance dispatches at a time (EmailDispatchJob holds a job lease), so rows need no claiming.
 * Delivery is at least once: a crash between sending and marking the row sends it again.
 */
@Injectable()
export class EmailDispatcher {
  private readonly logger = new Logger(EmailDispatcher.name);

  constructor(
    private readonly outbox: EmailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  hasDue(now = new Date()): Promise<boolean> {
    return this.outbox.hasDue(now);
  }

  /** Sends what is due at `now`; failures are scheduled for a later try relative to `now`. */
  async dispatchDue(now = new Date()): Promise<DispatchSummary> {
    const due = await this.outbox.findDue(now, DISPATCH_BATCH_SIZE);
    const summary: DispatchSummary = { sent: 0, retrying: 0, dead: 0, deferred: 0 };
    for (const [index, row] of due.entries()) {
      try {
        await this.transport.send(toOutgoingEmail(row));
      } catch (error) {
        summary[await this.recordFailure(row, error, now)] += 1;
        // When the mail service is down every email in the batch would fail the same way and
        // spend an attempt for nothing. Stop here: the rest stay due, untouched, and the next
        // dispatch (seconds later) carries on with them if the failure was this email's alone.
        summary.deferred = due.length - index - 1;
        break;
      }
      await this.outbox.markSent(row.id, row.attempts + 1, new Date());
      summary.sent += 1;
    }
    return summary;
  }

  private async recordFailure(row: EmailOutbox, error: unknown, now: Date): Promise<'retrying' | 'dead'> {
    const lastError = describeError(error);
    const next = afterFailure(row.attempts, this.config.mail.maxAttempts, now);
    if (next.status === 'dead') {
      await this.outbox.markDead(row.id, next.attempts, lastError);
      this.logger.error(
        { outboxId: row.id, template: row.template, attempts: next.attempts, transport: this.transport.name },
        `Email "${row.subject}" could not be sent after ${next.attempts} attempts and is marked dead: ${lastError}`,
      );
      return 'dead';
    }
    await this.outbox.scheduleRetry(row.id, next.attempts, next.nextAttemptAt, lastError);
    this.logger.warn(
      {
        outboxId: row.id,
        template: row.template,
        attempts: next.attempts,
        nextAttemptAt: next.nextAttemptAt.toISOString(),
      },
      `Email "${row.subject}" could not be sent (attempt ${next.attempts}), will retry: ${lastError}`,
    );
    return 'retrying';
  }
}

const toOutgoingEmail = (row: EmailOutbox): OutgoingEmail => ({
  id: row.id,
  to: row.toAddress,
  toName: row.toName,
  subject: row.subject,
  html: row.html,
  text: row.text,
});
