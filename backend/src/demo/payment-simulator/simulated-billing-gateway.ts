import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Stripe from 'stripe';
import { AppConfig } from '@app/config/app-config';
import { PaymentRecord } from '@app/modules/subscriptions/entities/payment-record.entity';
import { Subscription } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingGateway, CheckoutRequest, ProrationPreview } from '@app/modules/subscriptions/gateway/billing-gateway';
import { BillingInterval, PaidPlanKey, PAID_PLAN_KEYS, planByKey } from '@app/modules/subscriptions/plans';
import { StripeConfig } from '@app/modules/subscriptions/stripe.config';
import { StripeWebhookService } from '@app/modules/subscriptions/webhook/stripe-webhook.service';

/** What a simulated checkout session carries (signed into its id: the simulator keeps no table). */
export interface SimulatedSession {
  userId: string;
  customerId: string;
  planKey: PaidPlanKey;
  interval: BillingInterval;
  priceId: string;
  trialDays: number;
  successUrl: string;
  cancelUrl: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const DAY = 24 * 3600;
const rand = (prefix: string) => `${prefix}_sim_${randomBytes(10).toString('hex')}`;
const addInterval = (from: number, interval: BillingInterval) => {
  const date = new Date(from * 1000);
  if (interval === BillingInterval.Year) date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
};
const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : null);

/**
 * The payment simulator of the embedded default (no STRIPE_SECRET_KEY), never in production
 * (PaymentSimulatorModule registers it with the subscriptions module outside production only). Checkout leads to a
 * clearly labelled test-mode page in the app; paying there, and every later change, produces
 * Stripe-shaped events that are signed with the local webhook secret and handed, as raw bytes
 * with their Stripe-Signature header, to the same handler that serves /api/webhooks/stripe.
 */
@Injectable()
export class SimulatedBillingGateway extends BillingGateway {
  readonly mode = 'simulator' as const;
  private sequence = 0;

  constructor(
    private readonly config: StripeConfig,
    private readonly appConfig: AppConfig,
    private readonly webhooks: StripeWebhookService,
  ) {
    super();
  }

  async createCustomer(): Promise<string> {
    return rand('cus');
  }

  /**
   * A session is not stored: its id carries what the page needs (user, plan, interval, trial
   * days, expiry) and an HMAC with the local secret, short enough for a URL path segment.
   */
  async createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }> {
    const exp = Math.floor(Date.now() / 1000) + DAY;
    const body = [
      request.userId.replace(/-/g, ''),
      PAID_PLAN_KEYS.indexOf(request.planKey),
      request.interval === BillingInterval.Year ? 'y' : 'm',
      String(request.trialDays).padStart(3, '0'),
      exp.toString(36),
    ].join('');
    const id = `cs_sim_${body}_${this.sign(body)}`;
    return { id, url: `${this.appConfig.publicUrl}/billing/simulator?session=${encodeURIComponent(id)}` };
  }

  /** The session behind an id, if the id is one this server signed and it has not expired. */
  readSession(id: string, customerId: string | null): SimulatedSession | null {
    const match = /^cs_sim_(([0-9a-f]{32})(\d)([my])(\d{3})([0-9a-z]{1,10}))_([A-Za-z0-9_-]{22})$/.exec(id);
    if (!match) return null;
    const [, body, hex, plan, interval, trial, exp, signature] = match;
    const expected = Buffer.from(this.sign(body!));
    const given = Buffer.from(signature!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const planKey = PAID_PLAN_KEYS[Number(plan)];
    if (!planKey || parseInt(exp!, 36) * 1000 <= Date.now() || !customerId) return null;
    const billingInterval = interval === 'y' ? BillingInterval.Year : BillingInterval.Month;
    const app = this.appConfig.publicUrl;
    return {
      userId: `${hex!.slice(0, 8)}-${hex!.slice(8, 12)}-${hex!.slice(12, 16)}-${hex!.slice(16, 20)}-${hex!.slice(20)}`,
      customerId,
      planKey,
      interval: billingInterval,
      priceId: this.config.priceIds[planKey][billingInterval],
      trialDays: Number(trial),
      successUrl: `${app}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${app}/billing/cancelled`,
      exp: parseInt(exp!, 36),
    };
  }

  /** The test-mode page's "Pay": the events Stripe sends after a successful checkout. */
  async pay(sessionId: string, session: SimulatedSession): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    const trialEnd = session.trialDays > 0 ? now + session.trialDays * DAY : null;
    const subscription = this.subscriptionObject({
      id: rand('sub'),
      customerId: session.customerId,
      priceId: session.priceId,
      status: trialEnd ? 'trialing' : 'active',
      start: now,
      periodEnd: trialEnd ?? addInterval(now, session.interval),
      trialEnd,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      metadata: { userId: session.userId, planKey: session.planKey, interval: session.interval },
    });
    const amount = trialEnd ? 0 : planByKey(session.planKey).prices![session.interval];
    await this.emit('customer.subscription.created', subscription);
    await this.emit('checkout.session.completed', {
      id: sessionId,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      payment_status: trialEnd ? 'no_payment_required' : 'paid',
      client_reference_id: session.userId,
      customer: session.customerId,
      subscription: subscription.id,
      metadata: subscription.metadata,
    });
    await this.emit('invoice.paid', this.invoiceObject(subscription, amount, true));
  }

  async retrieveSubscription(): Promise<Stripe.Subscription | null> {
    return null;
  }

  async listSubscriptions(): Promise<Stripe.Subscription[] | null> {
    return null;
  }

  /** Proration as Stripe computes it: the unused share of the old price credited against the new. */
  async previewPriceChange(subscription: Subscription, priceId: string): Promise<ProrationPreview> {
    const prorationDate = Math.floor(Date.now() / 1000);
    return { amountDuePence: this.prorationAmount(subscription, priceId, prorationDate), prorationDate };
  }

  async changePrice(
    subscription: Subscription,
    priceId: string,
    options: { prorationDate?: number; prorate: boolean },
  ): Promise<null> {
    const now = Math.floor(Date.now() / 1000);
    const changed = this.fromRow(subscription, { priceId });
    await this.emit('customer.subscription.updated', changed);
    const amount = options.prorate ? this.prorationAmount(subscription, priceId, options.prorationDate ?? now) : 0;
    if (amount > 0 && subscription.status !== 'trialing') {
      await this.emit('invoice.paid', this.invoiceObject(changed, amount, true));
    }
    return null;
  }

  async cancel(subscription: Subscription, options: { atPeriodEnd: boolean }): Promise<null> {
    const now = Math.floor(Date.now() / 1000);
    if (options.atPeriodEnd) {
      await this.emit(
        'customer.subscription.updated',
        this.fromRow(subscription, { cancelAtPeriodEnd: true, canceledAt: now }),
      );
    } else {
      await this.emit(
        'customer.subscription.deleted',
        this.fromRow(subscription, { status: 'canceled', canceledAt: now }),
      );
    }
    return null;
  }

  async extendTrial(subscription: Subscription, trialEnd: Date): Promise<null> {
    const end = seconds(trialEnd)!;
    await this.emit(
      'customer.subscription.updated',
      this.fromRow(subscription, { trialEnd: end, periodEnd: end, status: 'trialing' }),
    );
    return null;
  }

  async refund(payment: PaymentRecord, amountPence: number): Promise<void> {
    const refunded = payment.amountRefundedPence + amountPence;
    await this.emit('charge.refunded', {
      id: payment.stripeChargeId ?? rand('ch'),
      object: 'charge',
      amount: payment.amountPence,
      amount_refunded: refunded,
      refunded: refunded >= payment.amountPence,
      currency: payment.currency,
      payment_intent: payment.stripePaymentIntentId,
      customer: null,
    });
  }

  // ---- Stripe-shaped objects and signed delivery ----

  private prorationAmount(subscription: Subscription, priceId: string, at: number): number {
    const target = this.priceOf(priceId);
    const current = planByKey(subscription.planKey).prices![subscription.interval];
    const next = target ? planByKey(target.planKey).prices![target.interval] : current;
    const periodEnd = seconds(subscription.currentPeriodEnd) ?? at;
    // The simulator keeps no period start; a month is taken as 30 days, a year as 365.
    const periodLength = (subscription.interval === BillingInterval.Year ? 365 : 30) * DAY;
    const remaining = Math.max(0, Math.min(1, (periodEnd - at) / periodLength));
    return Math.max(0, Math.round((next - current) * remaining));
  }

  private priceOf(priceId: string): { planKey: PaidPlanKey; interval: BillingInterval } | null {
    for (const [planKey, prices] of Object.entries(this.config.priceIds)) {
      for (const [interval, id] of Object.entries(prices)) {
        if (id === priceId) return { planKey: planKey as PaidPlanKey, interval: interval as BillingInterval };
      }
    }
    return null;
  }

  private fromRow(
    row: Subscription,
    changes: Partial<{
      priceId: string;
      status: string;
      cancelAtPeriodEnd: boolean;
      canceledAt: number | null;
      trialEnd: number | null;
      periodEnd: number | null;
    }>,
  ) {
    return this.subscriptionObject({
      id: row.stripeSubscriptionId,
      customerId: row.stripeCustomerId,
      priceId: changes.priceId ?? row.stripePriceId,
      status: changes.status ?? row.status,
      start: seconds(row.createdAt) ?? Math.floor(Date.now() / 1000),
      periodEnd: changes.periodEnd ?? seconds(row.currentPeriodEnd),
      trialEnd: changes.trialEnd !== undefined ? changes.trialEnd : seconds(row.trialEnd),
      cancelAtPeriodEnd: changes.cancelAtPeriodEnd ?? row.cancelAtPeriodEnd,
      canceledAt: changes.canceledAt !== undefined ? changes.canceledAt : seconds(row.canceledAt),
      metadata: { userId: row.userId },
      paymentMethod: row.hasPaymentMethod,
    });
  }

  private subscriptionObject(s: {
    id: string;
    customerId: string;
    priceId: string;
    status: string;
    start: number;
    periodEnd: number | null;
    trialEnd: number | null;
    cancelAtPeriodEnd: boolean;
    canceledAt: number | null;
    metadata: Record<string, string>;
    paymentMethod?: boolean;
  }) {
    return {
      id: s.id,
      object: 'subscription' as const,
      customer: s.customerId,
      status: s.status,
      cancel_at_period_end: s.cancelAtPeriodEnd,
      canceled_at: s.canceledAt,
      ended_at: s.status === 'canceled' ? s.canceledAt : null,
      trial_end: s.trialEnd,
      start_date: s.start,
      default_payment_method: s.paymentMethod === false ? null : 'pm_sim_card_visa',
      metadata: s.metadata,
      items: {
        object: 'list',
        data: [
          {
            id: `si_sim_${s.id.slice(-12)}`,
            object: 'subscription_item',
            price: { id: s.priceId, object: 'price' },
            quantity: 1,
            current_period_start: s.start,
            current_period_end: s.periodEnd,
          },
        ],
      },
    };
  }

  private invoiceObject(subscription: { id: string; customer: string }, amount: number, paid: boolean) {
    const now = Math.floor(Date.now() / 1000);
    const paymentIntent = amount > 0 ? rand('pi') : null;
    return {
      id: rand('in'),
      object: 'invoice',
      customer: subscription.customer,
      currency: 'gbp',
      amount_due: amount,
      amount_paid: paid ? amount : 0,
      status: paid ? 'paid' : 'open',
      status_transitions: { paid_at: paid ? now : null },
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
      payments: {
        object: 'list',
        data: paymentIntent
          ? [{ object: 'invoice_payment', payment: { type: 'payment_intent', payment_intent: paymentIntent } }]
          : [],
      },
    };
  }

  /** Signs the event like Stripe and hands the raw bytes to the production webhook handler. */
  private async emit(type: string, object: object): Promise<void> {
    // Strictly increasing `created` so that one simulated flow is ordered like Stripe's.
    const created = Math.max(Math.floor(Date.now() / 1000), this.sequence + 1);
    this.sequence = created;
    const payload = JSON.stringify({
      id: rand('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created,
      livemode: false,
      type,
      data: { object },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.config.webhookSecret });
    await this.webhooks.receive(Buffer.from(payload), signature);
  }

  private sign(body: string): string {
    return createHmac('sha256', this.config.webhookSecret).update(`checkout:${body}`).digest('base64url').slice(0, 22);
  }
}
