import type Stripe from 'stripe';
import { PaymentRecord } from '../entities/payment-record.entity';
import { Subscription } from '../entities/subscription.entity';
import { PaymentsMode } from '../payments-mode';
import { paymentsNotSetUp } from '../subscription.exception';
import { BillingGateway, CheckoutRequest, ProrationPreview } from './billing-gateway';

/**
 * The gateway every billing service talks to. With Stripe keys it is Stripe. Without them it is
 * the payment simulator when one has registered itself (PaymentSimulatorModule, imported only
 * outside production), and otherwise every payment operation answers 503 PAYMENTS_NOT_SET_UP:
 * a production server without keys takes no money and gives no paid plan away.
 */
export class ConfiguredBillingGateway extends BillingGateway {
  private simulator: BillingGateway | null = null;

  constructor(private readonly stripe: BillingGateway | null) {
    super();
  }

  /** Called by the payment simulator's module at start-up; ignored when Stripe is configured. */
  useSimulator(simulator: BillingGateway): void {
    if (!this.stripe) this.simulator = simulator;
  }

  get paymentsMode(): PaymentsMode {
    if (this.stripe) return PaymentsMode.Stripe;
    return this.simulator ? PaymentsMode.Simulator : PaymentsMode.NotSetUp;
  }

  get mode(): 'stripe' | 'simulator' {
    return this.current.mode;
  }

  private get current(): BillingGateway {
    const gateway = this.stripe ?? this.simulator;
    if (!gateway) throw paymentsNotSetUp();
    return gateway;
  }

  createCustomer(user: { id: string; email: string; name: string }): Promise<string> {
    return this.current.createCustomer(user);
  }

  createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }> {
    return this.current.createCheckoutSession(request);
  }

  async retrieveSubscription(stripeSubscriptionId: string): Promise<Stripe.Subscription | null> {
    return this.stripe || this.simulator ? this.current.retrieveSubscription(stripeSubscriptionId) : null;
  }

  async listSubscriptions(stripeCustomerId: string): Promise<Stripe.Subscription[] | null> {
    return this.stripe || this.simulator ? this.current.listSubscriptions(stripeCustomerId) : null;
  }

  previewPriceChange(subscription: Subscription, priceId: string): Promise<ProrationPreview> {
    return this.current.previewPriceChange(subscription, priceId);
  }

  changePrice(
    subscription: Subscription,
    priceId: string,
    options: { prorationDate?: number; prorate: boolean },
  ): Promise<Stripe.Subscription | null> {
    return this.current.changePrice(subscription, priceId, options);
  }

  cancel(subscription: Subscription, options: { atPeriodEnd: boolean }): Promise<Stripe.Subscription | null> {
    return this.current.cancel(subscription, options);
  }

  extendTrial(subscription: Subscription, trialEnd: Date): Promise<Stripe.Subscription | null> {
    return this.current.extendTrial(subscription, trialEnd);
  }

  refund(payment: PaymentRecord, amountPence: number): Promise<void> {
    return this.current.refund(payment, amountPence);
  }
}
