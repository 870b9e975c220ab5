import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { AppConfig } from '@app/config/app-config';
import { UsersService } from '@app/modules/users/users.service';
import { CancelSubscriptionDto, CreateCheckoutSessionDto, UpdateSubscriptionDto } from './dto/subscription.dto';
import {
  CheckoutSessionResponse,
  CheckSubscriptionResponse,
  CurrentSubscriptionResponse,
  FixSubscriptionsResponse,
  PlanResponse,
  ProrationPreviewResponse,
  PaymentsStatusResponse,
  SubscriptionResponse,
  toCheckResponse,
  toPaymentResponse,
  toPlanResponse,
  toSubscriptionResponse,
} from './dto/subscription.response';
import { ENTITLED_STATUSES, Subscription, SubscriptionStatus } from './entities/subscription.entity';
import { EntitlementsService } from './entitlements/entitlements.service';
import { ConfiguredBillingGateway } from './gateway/configured-billing-gateway';
import { PaidPlanKey, planByKey, PLANS } from './plans';
import { StripeConfig } from './stripe.config';
import {
  noActiveSubscription,
  SubscriptionErrorCode,
  SubscriptionException,
  subscriptionNotFound,
} from './subscription.exception';
import { SubscriptionsRepository } from './subscriptions.repository';
import { StripeWebhookService } from './webhook/stripe-webhook.service';

/** A parent or childminder's own plan: checkout, change with proration, cancel, reconcile. */
@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);

  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly gateway: ConfiguredBillingGateway,
    private readonly config: StripeConfig,
    private readonly appConfig: AppConfig,
    private readonly entitlements: EntitlementsService,
    private readonly webhooks: StripeWebhookService,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  plans(): PlanResponse[] {
    return PLANS.map(toPlanResponse);
  }

  async current(auth: AuthContext): Promise<CurrentSubscriptionResponse> {
    const { plan, subscription } = await this.entitlements.effectivePlan(auth.userId, auth.role);
    const payments = await this.repository.paymentsForUser(auth.userId);
    return {
      plan: toPlanResponse(plan ?? PLANS[0]!),
      subscription: subscription ? toSubscriptionResponse(subscription) : null,
      entitlements: [...(plan?.entitlements ?? [])],
      payments: payments.map(toPaymentResponse),
    };
  }

  async check(auth: AuthContext): Promise<CheckSubscriptionResponse> {
    return toCheckResponse(await this.repository.findCurrentForUser(auth.userId));
  }

  async createCheckoutSession(auth: AuthContext, dto: CreateCheckoutSessionDto): Promise<CheckoutSessionResponse> {
    const plan = this.requirePlanFor(auth, dto.planKey);
    const current = await this.repository.findCurrentForUser(auth.userId);
    if (current && ENTITLED_STATUSES.includes(current.status)) {
      throw new SubscriptionException(
        SubscriptionErrorCode.AlreadySubscribed,
        `You already have the ${planByKey(current.planKey).name} plan. Change plan from your billing page instead.`,
      );
    }
    const customerId = await this.customerFor(auth);
    const app = this.appConfig.publicUrl;
    const session = await this.gateway.createCheckoutSession({
      userId: auth.userId,
      customerId,
      planKey: dto.planKey,
      interval: dto.interval,
      priceId: this.config.priceIds[dto.planKey][dto.interval],
      // One trial per person: someone who has had a subscription before pays from day one.
      trialDays: (await this.repository.findAllForUser(auth.userId)).length > 0 ? 0 : plan.trialDays,
      successUrl: `${app}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${app}/billing/cancelled`,
    });
    return { sessionId: session.id, url: session.url, mode: this.gateway.mode };
  }

  async update(
    auth: AuthContext,
    dto: UpdateSubscriptionDto,
  ): Promise<ProrationPreviewResponse | SubscriptionResponse> {
    this.requirePlanFor(auth, dto.planKey);
    const current = await this.requireActive(auth);
    if (current.planKey === dto.planKey && current.interval === dto.interval) {
      throw new SubscriptionException(
        SubscriptionErrorCode.SamePlan,
        'You are already on this plan and billing interval',
      );
    }
    const priceId = this.config.priceIds[dto.planKey][dto.interval];
    if (dto.preview) {
      const preview = await this.gateway.previewPriceChange(current, priceId);
      return { preview: true, ...preview };
    }
    const updated = await this.gateway.changePrice(current, priceId, {
      prorationDate: dto.prorationDate,
      prorate: true,
    });
    return toSubscriptionResponse(await this.applied(current, updated));
  }

  async cancel(auth: AuthContext, dto: CancelSubscriptionDto): Promise<SubscriptionResponse> {
    const current = await this.requireActive(auth);
    const updated = await this.gateway.cancel(current, { atPeriodEnd: !dto.immediately });
    return toSubscriptionResponse(await this.applied(current, updated));
  }

  /**
   * Before a user is erased: every subscription of theirs that has not ended is cancelled now,
   * at the payment provider (through the Stripe SDK, or the simulator), so nobody is charged for
   * an account that no longer exists. Any failure stops the erasure before anything is removed.
   */
  async cancelAllBeforeErasure(userId: string): Promise<void> {
    for (const row of await this.repository.findCurrentForUsers([userId])) {
      try {
        await this.applied(row, await this.gateway.cancel(row, { atPeriodEnd: false }));
      } catch (error) {
        // Already deleted at Stripe (by hand in its dashboard, say): it can charge nobody, so it
        // counts as cancelled and the erasure goes ahead. An outage still stops it below.
        if (error instanceof SubscriptionException && error.code === SubscriptionErrorCode.GoneAtPaymentProvider) {
          this.logger.warn(
            { userId, subscriptionId: row.id },
            'The subscription was already gone at Stripe before erasure: recorded as cancelled',
          );
          await this.repository.update(row.id, {
            status: SubscriptionStatus.Canceled,
            canceledAt: new Date(),
            cancelAtPeriodEnd: false,
          });
          continue;
        }
        this.logger.warn(
          { err: error, userId, subscriptionId: row.id },
          'Cancelling a subscription before erasure failed',
        );
        throw new SubscriptionException(
          SubscriptionErrorCode.CancelBeforeErasureFailed,
          'The account was not erased: its paid subscription could not be cancelled with the payment provider. ' +
            'Nothing has been removed; please try again in a moment.',
        );
      }
    }
  }

  /** Makes the caller's local rows say what Stripe says: missing rows created, stale ones corrected. */
  async fix(auth: AuthContext): Promise<FixSubscriptionsResponse> {
    const customer = await this.repository.findCustomerForUser(auth.userId);
    let repaired = 0;
    if (customer) {
      const remote = await this.gateway.listSubscriptions(customer.stripeCustomerId);
      for (const object of remote ?? []) {
        const before = await this.repository.findByStripeId(object.id);
        const after = await this.dataSource.transaction((manager) =>
          this.webhooks.applySubscription(object, 0, manager, { snapshot: true }),
        );
        if (after && (!before || differs(before, after))) repaired++;
      }
    }
    return { repaired, current: await this.check(auth) };
  }

  /** Whether paid plans can be bought here, for the pricing and billing pages. */
  payments(): PaymentsStatusResponse {
    return { mode: this.gateway.paymentsMode };
  }

  /** The caller's billing customer id at the payment provider, if they have one. */
  async billingCustomerId(userId: string): Promise<string | null> {
    return (await this.repository.findCustomerForUser(userId))?.stripeCustomerId ?? null;
  }

  /** Whether the user's current subscription is active or trialing. */
  async isSubscribed(userId: string): Promise<boolean> {
    const current = await this.repository.findCurrentForUser(userId);
    return !!current && ENTITLED_STATUSES.includes(current.status);
  }

  // ---- helpers ----

  private requirePlanFor(auth: AuthContext, planKey: PaidPlanKey) {
    const plan = planByKey(planKey);
    if (plan.role !== auth.role) {
      throw new SubscriptionException(
        SubscriptionErrorCode.PlanNotForRole,
        `The ${plan.name} plan is for ${plan.role === Role.Parent ? 'parents' : 'childminders'}`,
        [{ field: 'planKey', message: `planKey ${planKey} is not available to your account` }],
      );
    }
    return plan;
  }

  private async requireActive(auth: AuthContext): Promise<Subscription> {
    const current = await this.repository.findCurrentForUser(auth.userId);
    if (!current || !ENTITLED_STATUSES.includes(current.status)) throw noActiveSubscription();
    return current;
  }

  private async customerFor(auth: AuthContext): Promise<string> {
    const existing = await this.repository.findCustomerForUser(auth.userId);
    if (existing) return existing.stripeCustomerId;
    const user = await this.users.findById(auth.userId);
    if (!user) throw subscriptionNotFound();
    const customerId = await this.gateway.createCustomer({ id: user.id, email: user.email, name: user.displayName });
    await this.repository.linkCustomer(auth.userId, customerId);
    return (await this.repository.requireCustomerForUser(auth.userId)).stripeCustomerId;
  }

  /** Stripe answered with the new state: apply it now rather than wait for the webhook. */
  async applied(
    row: Subscription,
    updated: Stripe.Subscription | null,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<Subscription> {
    if (updated || alongside) {
      // `alongside` (an admin's audit entry) commits with the copy of Stripe's answer.
      await this.dataSource.transaction(async (manager) => {
        if (updated) await this.webhooks.applySubscription(updated, 0, manager, { snapshot: true });
        await alongside?.(manager);
      });
    }
    return (await this.repository.findByStripeId(row.stripeSubscriptionId)) ?? row;
  }
}

function differs(before: Subscription, after: Subscription): boolean {
  const keys: (keyof Subscription)[] = ['status', 'planKey', 'interval', 'cancelAtPeriodEnd', 'stripePriceId'];
  return (
    keys.some((key) => before[key] !== after[key]) ||
    before.currentPeriodEnd?.getTime() !== after.currentPeriodEnd?.getTime() ||
    before.trialEnd?.getTime() !== after.trialEnd?.getTime()
  );
}
