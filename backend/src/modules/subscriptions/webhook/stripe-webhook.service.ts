import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { formatUkDateTime } from '@app/modules/notifications/email/email-templates';
import { UsersService } from '@app/modules/users/users.service';
import { PaymentRecord, PaymentStatus } from '../entities/payment-record.entity';
import { Subscription, SubscriptionStatus } from '../entities/subscription.entity';
import { BillingGateway } from '../gateway/billing-gateway';
import { BillingInterval, planByKey, PlanKey, PAID_PLAN_KEYS } from '../plans';
import { StripeConfig } from '../stripe.config';
import { SubscriptionErrorCode, SubscriptionException } from '../subscription.exception';
import { SubscriptionsRepository } from '../subscriptions.repository';
import { isUniqueViolation } from '@app/database/unique-violation';
import { formatPence } from '@app/common/money';

const HANDLED = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
  'charge.refunded',
]);

const toDate = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);
const idOf = (value: string | { id: string } | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.id;

const isDeadlock = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === 'ER_LOCK_DEADLOCK';
};

export type WebhookOutcome = { received: true; duplicate: boolean; ignored: boolean };

/**
 * The one place Stripe events change the database, for Stripe's deliveries and the simulator's
 * alike. Each event is applied at most once (its id is recorded in the same transaction as its
 * effect) and never over a newer state: subscription events re-read the subscription from
 * Stripe when it can be reached, and otherwise an event older than the last one applied to a
 * subscription is skipped.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);
  private readonly verifier = Stripe.webhooks;

  constructor(
    private readonly config: StripeConfig,
    private readonly appConfig: AppConfig,
    private readonly gateway: BillingGateway,
    private readonly repository: SubscriptionsRepository,
    private readonly users: UsersService,
    private readonly outbox: EmailOutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Verifies the signature over the exact bytes received, then applies the event. */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    if (!rawBody && signature) {
      throw new Error('The raw request body is not available: create the Nest app with { rawBody: true }');
    }
    let event: Stripe.Event;
    try {
      event = this.verifier.constructEvent(
        rawBody ?? Buffer.alloc(0),
        signature ?? '',
        this.config.webhookSecret,
        this.config.webhookToleranceSeconds,
      );
    } catch {
      throw new SubscriptionException(
        SubscriptionErrorCode.InvalidSignature,
        'The Stripe-Signature header does not match the body, or its timestamp is too old',
      );
    }
    return this.process(event);
  }

  async process(event: Stripe.Event): Promise<WebhookOutcome> {
    if (await this.repository.isEventProcessed(event.id)) return { received: true, duplicate: true, ignored: false };
    if (!HANDLED.has(event.type)) {
      this.logger.debug({ eventId: event.id, type: event.type }, 'Ignoring an unhandled Stripe event');
      return { received: true, duplicate: false, ignored: true };
    }
    // Read Stripe before the transaction: no network call while rows are locked.
    const fresh = await this.freshSubscription(event);
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.repository.recordEvent(event.id, event.type, manager);
        await this.apply(event, fresh, manager);
      });
    } catch (error) {
      // Two deliveries of one event raced (a duplicate key, or a deadlock between them); the other applied it.
      if ((isUniqueViolation(error) || isDeadlock(error)) && (await this.repository.isEventProcessed(event.id))) {
        return { received: true, duplicate: true, ignored: false };
      }
      throw error;
    }
    return { received: true, duplicate: false, ignored: false };
  }

  private async freshSubscription(event: Stripe.Event): Promise<Stripe.Subscription | null> {
    const object = event.data.object as { object?: string; id?: string; subscription?: unknown };
    const id =
      object.object === 'subscription'
        ? object.id
        : object.object === 'checkout.session'
          ? idOf(object.subscription as string | null)
          : null;
    return id ? this.gateway.retrieveSubscription(id) : null;
  }

  private async apply(event: Stripe.Event, fresh: Stripe.Subscription | null, manager: EntityManager) {
    switch (event.type) {
      case 'checkout.session.completed': {
        const session = event.data.object;
        const customerId = idOf(session.customer);
        const userId = session.client_reference_id ?? session.metadata?.userId;
        if (customerId && userId) await this.repository.linkCustomer(userId, customerId, manager);
        if (fresh) await this.applySubscription(fresh, event.created, manager, { snapshot: true });
        return;
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        await this.applySubscription(fresh ?? event.data.object, event.created, manager, { snapshot: !!fresh });
        return;
      case 'customer.subscription.trial_will_end': {
        const row = await this.applySubscription(fresh ?? event.data.object, event.created, manager, {
          snapshot: !!fresh,
        });
        if (row) await this.sendTrialEndingEmail(row, manager);
        return;
      }
      case 'invoice.paid':
      case 'invoice.payment_failed':
        await this.applyInvoice(event.data.object, event.type === 'invoice.paid', manager);
        return;
      case 'charge.refunded':
        await this.applyRefund(event.data.object, manager);
        return;
    }
  }

  /**
   * Writes Stripe's view of a subscription. A snapshot (read from Stripe just now) is always
   * current; an event's own copy is applied only if no newer event was applied before it.
   */
  async applySubscription(
    object: Stripe.Subscription,
    created: number,
    manager: EntityManager,
    options: { snapshot: boolean },
  ): Promise<Subscription | null> {
    const existing = await this.repository.findByStripeIdForUpdate(object.id, manager);
    if (existing && !options.snapshot && created < existing.lastEventCreated) {
      this.logger.log({ subscription: object.id, created }, 'Skipping a Stripe event older than the applied state');
      return existing;
    }
    const item = object.items?.data?.[0];
    const priceId = item?.price?.id ?? existing?.stripePriceId ?? '';
    const plan =
      this.planOfPrice(priceId) ??
      (object.metadata?.planKey && object.metadata?.interval
        ? { planKey: object.metadata.planKey as PlanKey, interval: object.metadata.interval as BillingInterval }
        : existing
          ? { planKey: existing.planKey, interval: existing.interval }
          : null);
    const customerId = idOf(object.customer)!;
    const userId =
      existing?.userId ??
      object.metadata?.userId ??
      (await this.repository.findCustomerByStripeId(customerId, manager))?.userId;
    if (!plan || !userId) {
      this.logger.warn({ subscription: object.id, priceId }, 'A Stripe subscription matches no user or plan; ignored');
      return null;
    }
    const fields: Partial<Subscription> = {
      planKey: plan.planKey,
      interval: plan.interval,
      status: object.status as SubscriptionStatus,
      stripeCustomerId: customerId,
      stripePriceId: priceId,
      currentPeriodEnd: toDate(item?.current_period_end),
      trialEnd: toDate(object.trial_end),
      cancelAtPeriodEnd: object.cancel_at_period_end,
      canceledAt: toDate(object.canceled_at ?? object.ended_at),
      hasPaymentMethod: !!object.default_payment_method,
      lastEventCreated: Math.max(created, existing?.lastEventCreated ?? 0),
    };
    await this.repository.linkCustomer(userId, customerId, manager);
    if (existing) {
      await this.repository.update(existing.id, fields, manager);
      return Object.assign(existing, fields);
    }
    const row = Object.assign(new Subscription(), {
      userId,
      stripeSubscriptionId: object.id,
      renewalReminderFor: null,
      trialReminderFor: null,
      ...fields,
    });
    await this.repository.insert(row, manager);
    return row;
  }

  private planOfPrice(priceId: string): { planKey: PlanKey; interval: BillingInterval } | null {
    for (const planKey of PAID_PLAN_KEYS) {
      for (const interval of Object.values(BillingInterval)) {
        if (this.config.priceIds[planKey][interval] === priceId) return { planKey, interval };
      }
    }
    return null;
  }

  private async applyInvoice(invoice: Stripe.Invoice, paid: boolean, manager: EntityManager) {
    const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? null);
    const customerId = idOf(invoice.customer);
    const row = subscriptionId ? await this.repository.findByStripeId(subscriptionId, manager) : null;
    const userId =
      row?.userId ?? (customerId ? (await this.repository.findCustomerByStripeId(customerId, manager))?.userId : null);
    if (!userId) {
      this.logger.warn({ invoice: invoice.id }, 'An invoice matches no user; ignored');
      return;
    }
    const payment = invoice.payments?.data?.[0]?.payment;
    const changes: Partial<PaymentRecord> = {
      stripeSubscriptionId: subscriptionId,
      stripePaymentIntentId: idOf(payment?.payment_intent ?? null),
      stripeChargeId: idOf(payment?.charge ?? null),
      amountPence: paid ? invoice.amount_paid : invoice.amount_due,
      currency: invoice.currency,
      ...(paid
        ? { status: PaymentStatus.Paid, paidAt: toDate(invoice.status_transitions?.paid_at) ?? new Date() }
        : {}),
    };
    const existing = await this.repository.findPaymentByInvoice(invoice.id!, manager);
    if (existing) {
      // A failure reported after the payment succeeded does not unpay it.
      if (!paid && existing.status !== PaymentStatus.Failed) return;
      await this.repository.updatePayment(existing.id, changes, manager);
    } else {
      await this.repository.insertPayment(
        Object.assign(new PaymentRecord(), {
          userId,
          stripeInvoiceId: invoice.id,
          amountRefundedPence: 0,
          status: paid ? PaymentStatus.Paid : PaymentStatus.Failed,
          paidAt: null,
          ...changes,
        }),
        manager,
      );
    }
    if (!paid) await this.sendPaymentFailedEmail(userId, row, invoice.amount_due, manager);
  }

  private async applyRefund(charge: Stripe.Charge, manager: EntityManager) {
    const payment = await this.repository.findPaymentByCharge(
      { paymentIntentId: idOf(charge.payment_intent), chargeId: charge.id },
      manager,
    );
    if (!payment) {
      this.logger.warn({ charge: charge.id }, 'A refunded charge matches no payment; ignored');
      return;
    }
    const refunded = Math.max(payment.amountRefundedPence, charge.amount_refunded);
    await this.repository.updatePayment(
      payment.id,
      {
        stripeChargeId: charge.id,
        amountRefundedPence: refunded,
        status: refunded >= payment.amountPence ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded,
      },
      manager,
    );
  }

  /** The "trial ends in 3 days" email, once per trial (the daily job sends the same one). */
  async sendTrialEndingEmail(row: Subscription, manager: EntityManager): Promise<boolean> {
    if (!row.trialEnd || row.trialReminderFor?.getTime() === row.trialEnd.getTime()) return false;
    const user = await this.users.findById(row.userId, manager);
    if (!user) return false;
    const plan = planByKey(row.planKey);
    await this.outbox.enqueue(manager, {
      to: user.email,
      toName: user.displayName,
      userId: user.id,
      template: 'trial-ending',
      variables: {
        firstName: user.firstName,
        planName: plan.name,
        endsOn: formatUkDateTime(row.trialEnd),
        amount: formatPence(plan.prices![row.interval]),
        hasPaymentMethod: row.hasPaymentMethod,
        link: `${this.appConfig.publicUrl}/billing`,
      },
    });
    await this.repository.update(row.id, { trialReminderFor: row.trialEnd }, manager);
    row.trialReminderFor = row.trialEnd;
    return true;
  }

  private async sendPaymentFailedEmail(
    userId: string,
    row: Subscription | null,
    amountPence: number,
    manager: EntityManager,
  ) {
    const user = await this.users.findById(userId, manager);
    if (!user) return;
    await this.outbox.enqueue(manager, {
      to: user.email,
      toName: user.displayName,
      userId: user.id,
      template: 'payment-failed',
      variables: {
        firstName: user.firstName,
        planName: row ? planByKey(row.planKey).name : 'your plan',
        amount: formatPence(amountPence),
        link: `${this.appConfig.publicUrl}/billing`,
      },
    });
  }
}
