import { randomBytes } from 'node:crypto';
import { AppConfig, BillingSettings, StripePriceVariable } from '@app/config/app-config';
import { BillingInterval, PaidPlanKey, PAID_PLAN_KEYS } from './plans';

const priceVariable = (plan: PaidPlanKey, interval: BillingInterval) =>
  `STRIPE_PRICE_${plan.toUpperCase()}_${interval === BillingInterval.Month ? 'MONTH' : 'YEAR'}` as StripePriceVariable;

export type PriceIds = Record<PaidPlanKey, Record<BillingInterval, string>>;

/**
 * Billing configuration. Without STRIPE_SECRET_KEY the product runs the payment simulator,
 * which signs its events with a secret generated at start-up.
 */
export class StripeConfig {
  readonly mode: 'stripe' | 'simulator';
  readonly secretKey: string | undefined;
  readonly webhookSecret: string;
  /** Seconds a signed webhook stays acceptable. */
  readonly webhookToleranceSeconds = 300;
  readonly api: { host?: string; port?: number; protocol?: 'http' | 'https' };
  readonly priceIds: PriceIds;

  /** From the billing part of the one configuration, which AppConfig has checked at boot. */
  constructor(billing: BillingSettings) {
    this.secretKey = billing.secretKey;
    this.mode = billing.secretKey ? 'stripe' : 'simulator';
    this.webhookSecret = billing.webhookSecret ?? `whsec_sim_${randomBytes(24).toString('hex')}`;
    this.api = billing.api;
    const priceIds = {} as Record<PaidPlanKey, Record<BillingInterval, string>>;
    for (const plan of PAID_PLAN_KEYS) {
      priceIds[plan] = {} as Record<BillingInterval, string>;
      for (const interval of Object.values(BillingInterval)) {
        priceIds[plan][interval] = billing.prices[priceVariable(plan, interval)] ?? `price_sim_${plan}_${interval}`;
      }
    }
    this.priceIds = priceIds;
  }

  static fromAppConfig(config: AppConfig): StripeConfig {
    return new StripeConfig(config.billing);
  }
}
