/**
 * Billing types, derived by indexing the schema generated from the backend's OpenAPI document
 * (`npm run api:types`); nothing is hand-copied.
 */
import type { components } from '@core/api/schema';

type Schemas = components['schemas'];

export type Plan = Schemas['PlanResponse'];
export type PlanKey = Plan['key'];
/** The plans that are paid for: the only ones checkout and plan changes accept. */
export type PaidPlanKey = Schemas['CreateCheckoutSessionDto']['planKey'];
export type BillingInterval = Schemas['SubscriptionResponse']['interval'];
export type CurrentSubscription = Schemas['CurrentSubscriptionResponse'];
export type Subscription = Schemas['SubscriptionResponse'];
export type Payment = Schemas['PaymentResponse'];
export type CheckoutSession = Schemas['CheckoutSessionResponse'];
export type ProrationPreview = Schemas['ProrationPreviewResponse'];
export type SimulatorSession = Schemas['SimulatorSessionResponse'];
export type SimulatorResult = Schemas['SimulatorResultResponse'];
export type CheckSubscription = Schemas['CheckSubscriptionResponse'];
export type PaymentsStatus = Schemas['PaymentsStatusResponse'];
export type BillingSetup = Schemas['BillingSetupResponse'];
