import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { formatUkDateTime } from '@app/modules/notifications/email/email-templates';
import { SubscriptionStatus } from './entities/subscription.entity';
import { BillingGateway } from './gateway/billing-gateway';
import { freePlanFor, planByKey } from './plans';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { formatPence } from '@app/common/money';
import { StripeWebhookService } from './webhook/stripe-webhook.service';

const DAY_MS = 24 * 3600_000;
export const BILLING_JOB = 'billing-reminders';

/**
 * Honest billing: a renewal reminder 7 days before a yearly plan renews, a reminder 3 days
 * before a trial ends (each once), and a trial that ended without a payment method moves to
 * the free plan instead of charging. Tests call the three functions with their own `now`.
 */
@Injectable()
export class BillingJobs implements OnModuleInit {
  private readonly logger = new Logger(BillingJobs.name);

  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly webhooks: StripeWebhookService,
    private readonly subscriptions: SubscriptionsService,
    private readonly gateway: BillingGateway,
    private readonly outbox: EmailOutboxService,
    private readonly registry: JobRegistry,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: BILLING_JOB,
      description:
        'Renewal reminders 7 days before a yearly plan renews, reminders 3 days before a trial ends (each once), and trials that ended without a payment method move to the free plan.',
      schedule: 'Every hour',
      leaseMs: 10 * 60_000,
      work: () => this.runAll(new Date()),
    });
  }

  @Cron(CronExpression.EVERY_HOUR, { name: BILLING_JOB, timeZone: 'Europe/London' })
  async tick(): Promise<void> {
    try {
      await this.registry.run(BILLING_JOB);
    } catch (error) {
      this.logger.error({ err: error }, 'Billing job failed');
    }
  }

  async runAll(now: Date) {
    return {
      renewalReminders: await this.sendRenewalReminders(now),
      trialReminders: await this.sendTrialReminders(now),
      downgraded: await this.downgradeEndedTrials(now),
    };
  }

  async sendRenewalReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const row of await this.repository.findRenewalsDue(now, new Date(now.getTime() + 7 * DAY_MS))) {
      const plan = planByKey(row.planKey);
      await this.dataSource.transaction(async (manager) => {
        await this.outbox.enqueue(manager, {
          to: row.user!.email,
          toName: row.user!.displayName,
          userId: row.userId,
          template: 'subscription-renewal-reminder',
          variables: {
            firstName: row.user!.firstName,
            planName: plan.name,
            renewsOn: formatUkDateTime(row.currentPeriodEnd!),
            amount: formatPence(plan.prices![row.interval]),
            link: `${this.config.publicUrl}/billing`,
          },
        });
        await this.repository.update(row.id, { renewalReminderFor: row.currentPeriodEnd }, manager);
      });
      sent++;
    }
    return sent;
  }

  async sendTrialReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const row of await this.repository.findTrialsEndingBetween(now, new Date(now.getTime() + 3 * DAY_MS))) {
      if (await this.dataSource.transaction((manager) => this.webhooks.sendTrialEndingEmail(row, manager))) sent++;
    }
    return sent;
  }

  async downgradeEndedTrials(now: Date): Promise<number> {
    let downgraded = 0;
    for (const row of await this.repository.findEndedTrialsWithoutPaymentMethod(now)) {
      try {
        await this.subscriptions.applied(row, await this.gateway.cancel(row, { atPeriodEnd: false }));
      } catch (error) {
        this.logger.warn(
          { err: error, subscription: row.id },
          'Could not cancel an ended trial in Stripe; ending it here',
        );
      }
      const free = freePlanFor(row.user!.role);
      await this.dataSource.transaction(async (manager) => {
        await this.repository.update(row.id, { status: SubscriptionStatus.Canceled, canceledAt: now }, manager);
        await this.outbox.enqueue(manager, {
          to: row.user!.email,
          toName: row.user!.displayName,
          userId: row.userId,
          template: 'trial-ended-downgraded',
          variables: {
            firstName: row.user!.firstName,
            planName: planByKey(row.planKey).name,
            freePlanName: free?.name ?? 'free',
            link: `${this.config.publicUrl}/pricing`,
          },
        });
      });
      downgraded++;
    }
    return downgraded;
  }
}
