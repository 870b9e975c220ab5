import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { PaymentRecord } from '../entities/payment-record.entity';
import { Subscription } from '../entities/subscription.entity';
import { StripeConfig } from '../stripe.config';
import { SubscriptionErrorCode, SubscriptionException } from '../subscription.exception';
import { BillingGateway, CheckoutRequest, ProrationPreview } from './billing-gateway';

/** A Stripe API failure the caller cannot fix becomes a 502 with a plain message. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new SubscriptionException(
        SubscriptionErrorCode.PaymentProviderFailed,
        'The payment provider could not complete the request. Please try again in a moment.',
      );
    }
    throw error;
  }
}

export const createStripeClient = (config: StripeConfig) =>
  new Stripe(config.secretKey ?? 'sk_test_simulator_not_used', {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(config.api.host ? { host: config.api.host } : {}),
    ...(config.api.port ? { port: config.api.port } : {}),
    ...(config.api.protocol ? { protocol: config.api.protocol } : {}),
  });

@Injectable()
export class StripeBillingGateway extends BillingGateway {
  readonly mode = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {
    super();
  }

  createCustomer(user: { id: string; email: string; name: string }): Promise<string> {
    return call(async () => {
      const customer = await this.stripe.customers.create(
        { email: user.email, name: user.name, metadata: { userId: user.id } },
        { idempotencyKey: `customer-${user.id}` },
      );
      return customer.id;
    });
  }

  createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }> {
    return call(async () => {
      const metadata = { userId: request.userId, planKey: request.planKey, interval: request.interval };
      const session = await this.stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: request.customerId,
        client_reference_id: request.userId,
        line_items: [{ price: request.priceId, quantity: 1 }],
        subscription_data: {
          metadata,
          ...(request.trialDays > 0 ? { trial_period_days: request.trialDays } : {}),
        },
        metadata,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
      return { id: session.id, url: session.url! };
    });
  }

  retrieveSubscription(stripeSubscriptionId: string): Promise<Stripe.Subscription | null> {
    return call(async () => {
      try {
        return await this.stripe.subscriptions.retrieve(stripeSubscriptionId);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    });
  }

  listSubscriptions(stripeCustomerId: string): Promise<Stripe.Subscription[]> {
    return call(async () => {
      const page = await this.stripe.subscriptions.list({ customer: stripeCustomerId, status: 'all', limit: 100 });
      return page.data;
    });
  }

  previewPriceChange(subscription: Subscription, priceId: string): Promise<ProrationPreview> {
    return call(async () => {
      const current = await this.stripe.subscriptions.retrieve(subscription.stripeSubscriptionId);
      const prorationDate = Math.floor(Date.now() / 1000);
      const invoice = await this.stripe.invoices.createPreview({
        customer: subscription.stripeCustomerId,
        subscription: subscription.stripeSubscriptionId,
        subscription_details: {
          items: [{ id: current.items.data[0]!.id, price: priceId }],
          proration_behavior: 'create_prorations',
          proration_date: prorationDate,
        },
      });
      return { amountDuePence: invoice.amount_due, prorationDate };
    });
  }

  changePrice(
    subscription: Subscription,
    priceId: string,
    options: { prorationDate?: number; prorate: boolean },
  ): Promise<Stripe.Subscription> {
    return call(async () => {
      const current = await this.stripe.subscriptions.retrieve(subscription.stripeSubscriptionId);
      return this.stripe.subscriptions.update(subscription.stripeSubscriptionId, {
        items: [{ id: current.items.data[0]!.id, price: priceId }],
        proration_behavior: options.prorate ? 'create_prorations' : 'none',
        ...(options.prorate && options.prorationDate ? { proration_date: options.prorationDate } : {}),
      });
    });
  }

  /** A subscription Stripe no longer has (404 resource_missing) is SUBSCRIPTION_GONE_AT_PAYMENT_PROVIDER, not an outage. */
  cancel(subscription: Subscription, options: { atPeriodEnd: boolean }): Promise<Stripe.Subscription> {
    return call(async () => {
      try {
        return options.atPeriodEnd
          ? await this.stripe.subscriptions.update(subscription.stripeSubscriptionId, { cancel_at_period_end: true })
          : await this.stripe.subscriptions.cancel(subscription.stripeSubscriptionId);
      } catch (error) {
        if (
          error instanceof Stripe.errors.StripeError &&
          error.statusCode === 404 &&
          error.code === 'resource_missing'
        ) {
          throw new SubscriptionException(
            SubscriptionErrorCode.GoneAtPaymentProvider,
            'This subscription no longer exists with the payment provider: there is nothing left to cancel.',
          );
        }
        throw error;
      }
    });
  }

  extendTrial(subscription: Subscription, trialEnd: Date): Promise<Stripe.Subscription> {
    return call(() =>
      this.stripe.subscriptions.update(subscription.stripeSubscriptionId, {
        trial_end: Math.floor(trialEnd.getTime() / 1000),
        proration_behavior: 'none',
      }),
    );
  }

  refund(payment: PaymentRecord, amountPence: number): Promise<void> {
    return call(async () => {
      await this.stripe.refunds.create(
        {
          ...(payment.stripePaymentIntentId
            ? { payment_intent: payment.stripePaymentIntentId }
            : { charge: payment.stripeChargeId! }),
          amount: amountPence,
          metadata: { paymentRecordId: payment.id },
        },
        { idempotencyKey: `refund-${payment.id}-${payment.amountRefundedPence}-${amountPence}` },
      );
    });
  }
}
