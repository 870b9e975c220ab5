import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import type { User } from '@app/modules/users/entities/user.entity';
import { PaymentRecord, PaymentStatus } from '../entities/payment-record.entity';
import { ENTITLED_STATUSES, Subscription, SubscriptionStatus } from '../entities/subscription.entity';
import { PaymentsMode } from '../payments-mode';
import { BillingInterval, Plan, planByKey, PlanKey } from '../plans';

export class PlanPricesResponse {
  @ApiProperty({ description: 'Pence per month' }) month: number;
  @ApiProperty({ description: 'Pence per year' }) year: number;
}

export class PlanResponse {
  @ApiProperty({ enum: PlanKey, enumName: 'PlanKey' }) key: PlanKey;
  @ApiProperty({ enum: ['parent', 'childminder'] }) role: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: PlanPricesResponse, nullable: true }) prices: PlanPricesResponse | null;
  @ApiProperty() trialDays: number;
  @ApiProperty({ type: [String] }) entitlements: string[];
}

export const toPlanResponse = (plan: Plan): PlanResponse => ({
  key: plan.key,
  role: plan.role,
  name: plan.name,
  description: plan.description,
  prices: plan.prices ? { month: plan.prices.month, year: plan.prices.year } : null,
  trialDays: plan.trialDays,
  entitlements: [...plan.entitlements],
});

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PlanKey, enumName: 'PlanKey' }) planKey: PlanKey;
  @ApiProperty() planName: string;
  @ApiProperty({ enum: BillingInterval, enumName: 'BillingInterval' }) interval: BillingInterval;
  @ApiProperty({ enum: SubscriptionStatus, enumName: 'SubscriptionStatus' }) status: SubscriptionStatus;
  @ApiProperty({ description: 'Pence per interval' }) pricePence: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) currentPeriodEnd: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) trialEnd: string | null;
  @ApiProperty() cancelAtPeriodEnd: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) canceledAt: string | null;
  @ApiProperty() hasPaymentMethod: boolean;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const toSubscriptionResponse = (row: Subscription): SubscriptionResponse => {
  const plan = planByKey(row.planKey);
  return {
    id: row.id,
    planKey: row.planKey,
    planName: plan.name,
    interval: row.interval,
    status: row.status,
    pricePence: plan.prices?.[row.interval] ?? 0,
    currentPeriodEnd: iso(row.currentPeriodEnd),
    trialEnd: iso(row.trialEnd),
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    canceledAt: iso(row.canceledAt),
    hasPaymentMethod: row.hasPaymentMethod,
  };
};

export class CurrentSubscriptionResponse {
  @ApiProperty({ type: PlanResponse, description: 'The plan in force (the free plan without a subscription)' })
  plan: PlanResponse;
  @ApiPropertyOptional({ type: SubscriptionResponse, nullable: true }) subscription: SubscriptionResponse | null;
  @ApiProperty({ type: [String] }) entitlements: string[];
  @ApiProperty({ type: () => [PaymentResponse], description: 'Payment history, newest first (up to 100)' })
  payments: PaymentResponse[];
}

export class CheckSubscriptionResponse {
  @ApiProperty({ description: 'Whether a paid plan is active or trialing' }) active: boolean;
  @ApiProperty({ description: 'Stripe status, or "free"' }) status: string;
  @ApiPropertyOptional({ enum: PlanKey, enumName: 'PlanKey', nullable: true }) planKey: PlanKey | null;
}

export const toCheckResponse = (row: Subscription | null): CheckSubscriptionResponse => ({
  active: !!row && ENTITLED_STATUSES.includes(row.status),
  status: row?.status ?? 'free',
  planKey: row?.planKey ?? null,
});

export class CheckoutSessionResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty({ description: 'Where to send the browser: Stripe Checkout, or the in-app test-mode page' }) url: string;
  @ApiProperty({ enum: ['stripe', 'simulator'] }) mode: string;
}

export class ProrationPreviewResponse {
  @ApiProperty() preview: true;
  @ApiProperty({ description: 'Pence the change would charge now (proration included)' }) amountDuePence: number;
  @ApiProperty({ description: 'Send back with the update to be charged exactly this' }) prorationDate: number;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() amountPence: number;
  @ApiProperty() amountRefundedPence: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: PaymentStatus, enumName: 'PaymentStatus' }) status: PaymentStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toPaymentResponse = (row: PaymentRecord): PaymentResponse => ({
  id: row.id,
  amountPence: row.amountPence,
  amountRefundedPence: row.amountRefundedPence,
  currency: row.currency,
  status: row.status,
  paidAt: iso(row.paidAt),
  createdAt: row.createdAt.toISOString(),
});

export class SubscriptionOwnerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
}

export class AdminSubscriptionResponse extends SubscriptionResponse {
  @ApiProperty({ type: SubscriptionOwnerResponse }) user: SubscriptionOwnerResponse;
  @ApiProperty() stripeCustomerId: string;
  @ApiProperty() stripeSubscriptionId: string;
}

export const toAdminSubscriptionResponse = (row: Subscription & { user?: User }): AdminSubscriptionResponse => ({
  ...toSubscriptionResponse(row),
  user: { id: row.userId, email: row.user?.email ?? '', name: row.user?.displayName ?? '', role: row.user?.role ?? '' },
  stripeCustomerId: row.stripeCustomerId,
  stripeSubscriptionId: row.stripeSubscriptionId,
});

export class AdminSubscriptionDetailResponse extends AdminSubscriptionResponse {
  @ApiProperty({ type: [PaymentResponse] }) payments: PaymentResponse[];
}

export class AdminSubscriptionPageResponse extends PageResponse {
  @ApiProperty({ type: [AdminSubscriptionResponse] }) items: AdminSubscriptionResponse[];
}

export class FixSubscriptionsResponse {
  @ApiProperty({ description: 'Local rows created or corrected from Stripe' }) repaired: number;
  @ApiProperty({ type: CheckSubscriptionResponse }) current: CheckSubscriptionResponse;
}

export class PaymentsStatusResponse {
  @ApiProperty({
    enum: PaymentsMode,
    enumName: 'PaymentsMode',
    description: 'stripe: real payments; simulator: test mode, no money moves; not_set_up: paid plans cannot be bought',
  })
  mode: PaymentsMode;
}

export class BillingSetupResponse extends PaymentsStatusResponse {
  @ApiProperty({ type: [String], description: 'Environment variables to set before paid plans can be sold' })
  missingSettings: string[];
}

export class WebhookReceivedResponse {
  @ApiProperty() received: true;
  @ApiProperty() duplicate: boolean;
}
