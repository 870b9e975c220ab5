import { DataSource } from 'typeorm';
import { PaymentRecord } from '@app/modules/subscriptions/entities/payment-record.entity';
import { Subscription } from '@app/modules/subscriptions/entities/subscription.entity';
import { StripeConfig } from '@app/modules/subscriptions/stripe.config';
import { FakePrice, StripeFake } from '../../fakes/stripe-fake';
import { startTestApp, TestApp } from '../../support/test-app';

export const PRICES: Record<string, FakePrice> = {
  price_parent_plus_month: { amount: 499, interval: 'month' },
  price_parent_plus_year: { amount: 4990, interval: 'year' },
  price_childminder_pro_month: { amount: 999, interval: 'month' },
  price_childminder_pro_year: { amount: 9900, interval: 'year' },
};

export const PRICE_ENV = {
  STRIPE_PRICE_PARENT_PLUS_MONTH: 'price_parent_plus_month',
  STRIPE_PRICE_PARENT_PLUS_YEAR: 'price_parent_plus_year',
  STRIPE_PRICE_CHILDMINDER_PRO_MONTH: 'price_childminder_pro_month',
  STRIPE_PRICE_CHILDMINDER_PRO_YEAR: 'price_childminder_pro_year',
};

/** The app with these billing or webhook variables, read like every other through AppConfig. */
export function startAppWithEnv(env: Record<string, string>): Promise<TestApp> {
  return startTestApp(env);
}

/** The app with its SDK pointed at a fake Stripe. */
export async function startWithStripeFake(): Promise<{ api: TestApp; stripe: StripeFake }> {
  const stripe = await StripeFake.start(PRICES);
  const api = await startAppWithEnv({ ...stripe.env(), ...PRICE_ENV });
  return { api, stripe };
}

/** Posts a signed event to /api/webhooks/stripe exactly as Stripe would. */
export function deliver(api: TestApp, signed: { payload: string; signature: string }) {
  return api
    .http()
    .post('/api/webhooks/stripe')
    .set('content-type', 'application/json; charset=utf-8')
    .set('stripe-signature', signed.signature)
    .send(signed.payload);
}

export const simulatorSecret = (api: TestApp) => api.app.get(StripeConfig).webhookSecret;

export const subscriptionsOf = (dataSource: DataSource, userId: string) =>
  dataSource.getRepository(Subscription).find({ where: { userId }, order: { createdAt: 'ASC' } });

export const paymentsOf = (dataSource: DataSource, userId: string) =>
  dataSource.getRepository(PaymentRecord).find({ where: { userId }, order: { createdAt: 'ASC' } });
