import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DateTime } from 'luxon';
import { AppConfig } from '@app/config/app-config';
import { ukToday } from '@app/modules/children/child-age';
import { DOCUMENT_TYPE_LABELS } from '@app/modules/documents/document-type.labels';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { ComplianceErrorCode, ComplianceException } from './compliance.exception';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { ExpirationRunResponse } from './dto/compliance-admin.dto';
import { ComplianceReminderSent } from './entities/compliance-reminder-sent.entity';

export const COMPLIANCE_EXPIRATIONS_JOB = 'compliance-expirations';
const LEASE_MS = 15 * 60_000;

/**
 * The threshold recorded when an owner is told that a document has expired: below every reminder
 * threshold (those are days before expiry, 0 or more), so the notice is also sent once only.
 */
export const EXPIRED_NOTICE_THRESHOLD = -1;

export interface ExpirationSummary {
  remindersSent: number;
  expiredDocuments: number;
  expiredDocumentIds: string[];
  expiryNoticesSent: number;
}

/** What job_runs keeps of a run: the counts. */
const runSummary = (summary: ExpirationSummary) => ({
  remindersSent: summary.remindersSent,
  expiredDocuments: summary.expiredDocuments,
  expiryNoticesSent: summary.expiryNoticesSent,
});

/**
 * Daily: reminds owners of approved documents nearing expiry, once per document and threshold,
 * and marks approved documents past their last valid day as expired (a reminder row at
 * EXPIRED_NOTICE_THRESHOLD, with one email to the owner). The documents table is not changed:
 * the review status stays "approved" and the document stops counting the day after its last day.
 * Then every childminder's stored compliance standing is recomputed (a reconciliation).
 */
@Injectable()
export class ComplianceExpirationsJob implements OnModuleInit {
  private readonly logger = new Logger(ComplianceExpirationsJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: JobRegistry,
    private readonly service: ComplianceService,
    private readonly compliance: ComplianceRepository,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: COMPLIANCE_EXPIRATIONS_JOB,
      description:
        'Reminds childminders of approved documents nearing expiry (once per reminder) and tells them when one has expired.',
      schedule: 'Every day at 06:00 (UK time)',
      leaseMs: LEASE_MS,
      work: async () => runSummary(await this.check(ukToday())),
    });
  }

  @Cron(CronExpression.EVERY_DAY_AT_6AM, { name: COMPLIANCE_EXPIRATIONS_JOB, timeZone: 'Europe/London' })
  async scheduled(): Promise<void> {
    try {
      await this.registry.run(COMPLIANCE_EXPIRATIONS_JOB);
    } catch (error) {
      // A scheduler callback must never throw: tomorrow's run tries again.
      this.logger.error({ err: error }, 'Compliance expiration check failed');
    }
  }

  /**
   * `POST /api/compliance/check-expirations`: the registered job, under the same name and lease,
   * answering with the expired documents' ids as well (too long a list to keep with the run).
   */
  async runNow(now: Date = new Date()): Promise<ExpirationRunResponse> {
    let summary: ExpirationSummary | undefined;
    const run = await this.jobs.runExclusive(COMPLIANCE_EXPIRATIONS_JOB, LEASE_MS, async () => {
      summary = await this.check(ukToday(now));
      return runSummary(summary);
    });
    if (!run) {
      throw new ComplianceException(ComplianceErrorCode.JobBusy, 'The expiration check is already running.');
    }
    if (!summary) throw new Error(run.error ?? 'The expiration check failed');
    return { ran: true, ...summary };
  }

  async check(today: DateTime): Promise<ExpirationSummary> {
    const items = await this.service.expiringItems(today);
    const expired = items.filter((i) => i.daysLeft < 0);
    const upcoming = items.filter((i) => i.daysLeft >= 0);
    const sent = await this.compliance.remindersSentFor(items.map((i) => i.document.id));
    const owners = new Map(
      (await this.compliance.usersByIds([...new Set(items.map((i) => i.document.userId))])).map((u) => [u.id, u]),
    );
    let remindersSent = 0;
    for (const { document, requirement, lastDay, daysLeft } of upcoming) {
      const already = new Set(sent.filter((s) => s.documentId === document.id).map((s) => s.thresholdDays));
      // Every threshold passed and not yet reminded; one email covers them (the nearest one).
      const due = requirement.reminderDays.filter((t) => daysLeft <= t && !already.has(t));
      const owner = owners.get(document.userId);
      if (due.length === 0 || !owner) continue;
      await this.compliance.transaction(async (manager) => {
        await this.compliance.insertReminders(
          due.map((thresholdDays) =>
            Object.assign(new ComplianceReminderSent(), { documentId: document.id, thresholdDays, sentAt: new Date() }),
          ),
          manager,
        );
        await this.outbox.enqueue(manager, {
          to: owner.email,
          toName: `${owner.firstName} ${owner.lastName}`.trim(),
          userId: owner.id,
          template: 'document-expiring',
          variables: {
            firstName: owner.firstName,
            documentName: document.name,
            documentType: DOCUMENT_TYPE_LABELS[document.type] ?? document.type,
            expiresOn: lastDay.setLocale('en-GB').toLocaleString(DateTime.DATE_FULL),
            daysLeft,
            link: `${this.config.publicUrl}/childminder/documents`,
          },
        });
      });
      remindersSent++;
    }
    let expiryNoticesSent = 0;
    for (const { document, lastDay } of expired) {
      const owner = owners.get(document.userId);
      const noticed = sent.some((s) => s.documentId === document.id && s.thresholdDays === EXPIRED_NOTICE_THRESHOLD);
      if (noticed || !owner) continue;
      await this.compliance.transaction(async (manager) => {
        await this.compliance.insertReminders(
          [
            Object.assign(new ComplianceReminderSent(), {
              documentId: document.id,
              thresholdDays: EXPIRED_NOTICE_THRESHOLD,
              sentAt: new Date(),
            }),
          ],
          manager,
        );
        await this.outbox.enqueue(manager, {
          to: owner.email,
          toName: `${owner.firstName} ${owner.lastName}`.trim(),
          userId: owner.id,
          template: 'document-expired',
          variables: {
            firstName: owner.firstName,
            documentName: document.name,
            documentType: DOCUMENT_TYPE_LABELS[document.type] ?? document.type,
            expiredOn: lastDay.setLocale('en-GB').toLocaleString(DateTime.DATE_FULL),
            link: `${this.config.publicUrl}/childminder/documents`,
          },
        });
      });
      this.logger.log({ documentId: document.id, userId: document.userId }, 'Approved document has expired');
      expiryNoticesSent++;
    }
    // Search reads each childminder's stored standing, which carries its own dates (a badge stops
    // counting after its last day without any write); this pass only reconciles the stored
    // standings with the documents, should a change ever have missed them.
    await this.service.refreshAllStandings();
    return {
      remindersSent,
      expiredDocuments: expired.length,
      expiredDocumentIds: expired.map((i) => i.document.id),
      expiryNoticesSent,
    };
  }
}
