import type Stripe from 'stripe';
import { PaymentRecord } from '../entities/payment-record.entity';
import { Subscription } from '../entities/subscription.entity';
import { BillingInterval, PaidPlanKey } from '../plans';

export interface CheckoutRequest {
  userId: string;
  customerId: string;
  planKey: PaidPlanKey;
  interval: BillingInterval;
  priceId: string;
  trialDays: number;
  successUrl: string;
  cancelUrl: string;
}

export interface ProrationPreview {
  /** What the next invoice will charge, in pence, including the proration. */
  amountDuePence: number;
  /** Pass back with the update so Stripe prorates exactly as previewed. */
  prorationDate: number;
}

/**
 * Where subscriptions live: Stripe itself, or the built-in simulator when no key is configured.
 * Mutations of the simulator reach the database only through signed webhook events, exactly as
 * Stripe's do; the Stripe gateway returns Stripe's answer, which the service applies at once.
 */
export abstract class BillingGateway {
  abstract readonly mode: 'stripe' | 'simulator';
  abstract createCustomer(user: { id: string; email: string; name: string }): Promise<string>;
  abstract createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Stripe's current view of a subscription; null when the gateway cannot tell (simulator). */
  abstract retrieveSubscription(stripeSubscriptionId: string): Promise<Stripe.Subscription | null>;
  /** Every subscription of the customer (reconciliation); null when the gateway cannot tell. */
  abstract listSubscriptions(stripeCustomerId: string): Promise<Stripe.Subscription[] | null>;
  abstract previewPriceChange(subscription: Subscription, priceId: string): Promise<ProrationPreview>;
  abstract changePrice(
    subscription: Subscription,
    priceId: string,
    options: { prorationDate?: number; prorate: boolean },
  ): Promise<Stripe.Subscription | null>;
  abstract cancel(subscription: Subscription, options: { atPeriodEnd: boolean }): Promise<Stripe.Subscription | null>;
  abstract extendTrial(subscription: Subscription, trialEnd: Date): Promise<Stripe.Subscription | null>;
  abstract refund(payment: PaymentRecord, amountPence: number): Promise<void>;
}
