import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, toPage } from '@app/common/pagination/page';
import { AuditService } from '@app/modules/audit/audit.service';
import {
  AdminCancelSubscriptionDto,
  AdminRefundDto,
  AdminUpdateSubscriptionDto,
  ListSubscriptionsQuery,
} from './dto/subscription.dto';
import {
  AdminSubscriptionDetailResponse,
  AdminSubscriptionResponse,
  BillingSetupResponse,
  PaymentResponse,
  toAdminSubscriptionResponse,
  toPaymentResponse,
} from './dto/subscription.response';
import { PaymentStatus } from './entities/payment-record.entity';
import { ENTITLED_STATUSES, Subscription, SubscriptionStatus } from './entities/subscription.entity';
import { BillingGateway } from './gateway/billing-gateway';
import { ConfiguredBillingGateway } from './gateway/configured-billing-gateway';
import { PaymentsMode } from './payments-mode';
import { BillingInterval, PaidPlanKey, PlanKey, planByKey } from './plans';
import { DailyCount } from '@app/database/daily-counts';
import { StripeConfig } from './stripe.config';
import { SubscriptionErrorCode, SubscriptionException, subscriptionNotFound } from './subscription.exception';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** What Stripe payments need (stripe.config.ts checks them together once the key is set). */
const SETTINGS_FOR_PAYMENTS = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_PRICE_PARENT_PLUS_MONTH',
  'STRIPE_PRICE_PARENT_PLUS_YEAR',
  'STRIPE_PRICE_CHILDMINDER_PRO_MONTH',
  'STRIPE_PRICE_CHILDMINDER_PRO_YEAR',
] as const;
/** Subscriptions that count as customers on the dashboard. */
const LIVE_STATUSES = [...ENTITLED_STATUSES];

export interface SubscriptionFigures {
  activeByPlan: Record<string, number>;
  mrrPence: number;
  churned: number;
  churnRate: number;
  canceledDaily: DailyCount[];
}

/** Admin subscriptions: list, detail with payments, change plan, extend trial, cancel, refund. Every change is audited. */
@Injectable()
export class AdminSubscriptionsService {
  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly gateway: BillingGateway,
    private readonly config: StripeConfig,
    private readonly subscriptions: SubscriptionsService,
    private readonly audit: AuditService,
    private readonly payments: ConfiguredBillingGateway,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** For the admin dashboard: without Stripe keys paid plans cannot be sold (the simulator is test mode). */
  setup(): BillingSetupResponse {
    const mode = this.payments.paymentsMode;
    return { mode, missingSettings: mode === PaymentsMode.Stripe ? [] : [...SETTINGS_FOR_PAYMENTS] };
  }

  async requireSubscription(id: string): Promise<Subscription> {
    const row = await this.repository.findById(id);
    if (!row) throw subscriptionNotFound();
    return row;
  }

  async list(query: ListSubscriptionsQuery): Promise<Page<AdminSubscriptionResponse>> {
    const [rows, total] = await this.repository.pageForAdmin(
      {
        planKey: query.planKey,
        status: query.status,
        role: query.role,
        renewsFrom: query.renewsFrom,
        renewsTo: query.renewsTo,
      },
      { skip: query.skip, take: query.pageSize },
    );
    return toPage(rows.map(toAdminSubscriptionResponse), total, query);
  }

  async get(id: string): Promise<AdminSubscriptionDetailResponse> {
    const row = await this.requireSubscription(id);
    const payments = await this.repository.paymentsForSubscription(row.stripeSubscriptionId);
    return { ...toAdminSubscriptionResponse(row), payments: payments.map(toPaymentResponse) };
  }

  async update(
    auth: AuthContext,
    id: string,
    dto: AdminUpdateSubscriptionDto,
    meta: RequestMeta,
  ): Promise<AdminSubscriptionDetailResponse> {
    let row = await this.requireSubscription(id);
    if (!ENTITLED_STATUSES.includes(row.status)) {
      throw new SubscriptionException(SubscriptionErrorCode.NoActiveSubscription, 'This subscription has ended');
    }
    if (dto.planKey || dto.interval) {
      const planKey = dto.planKey ?? (row.planKey as PaidPlanKey);
      const plan = planByKey(planKey);
      if (plan.role !== row.user?.role) {
        throw new SubscriptionException(
          SubscriptionErrorCode.PlanNotForRole,
          `The ${plan.name} plan is not for this user's role`,
        );
      }
      const interval = dto.interval ?? row.interval;
      const priceId = this.config.priceIds[planKey][interval];
      // An admin's change is a goodwill correction: no proration charge.
      row = await this.subscriptions.applied(row, await this.gateway.changePrice(row, priceId, { prorate: false }));
    }
    if (dto.trialEnd) {
      if (row.status !== SubscriptionStatus.Trialing) {
        throw new SubscriptionException(
          SubscriptionErrorCode.NotTrialing,
          'Only a subscription in its trial can have the trial extended',
        );
      }
      if (dto.trialEnd.getTime() <= Math.max(Date.now(), row.trialEnd?.getTime() ?? 0)) {
        throw new SubscriptionException(
          SubscriptionErrorCode.InvalidTrialEnd,
          'trialEnd must be later than the current trial end',
          [{ field: 'trialEnd', message: 'trialEnd must be later than the current trial end' }],
        );
      }
      row = await this.subscriptions.applied(row, await this.gateway.extendTrial(row, dto.trialEnd));
    }
    await this.audit.record(auth, {
      action: 'subscription.update',
      subjectType: 'subscription',
      subjectId: row.id,
      ownerId: row.userId,
      metadata: {
        planKey: dto.planKey ?? null,
        interval: dto.interval ?? null,
        trialEnd: dto.trialEnd?.toISOString() ?? null,
      },
      ip: meta.ip,
    });
    return this.get(id);
  }

  async cancel(
    auth: AuthContext,
    dto: AdminCancelSubscriptionDto,
    meta: RequestMeta,
  ): Promise<AdminSubscriptionDetailResponse> {
    const row = await this.requireSubscription(dto.subscriptionId);
    if (!ENTITLED_STATUSES.includes(row.status)) {
      throw new SubscriptionException(
        SubscriptionErrorCode.NoActiveSubscription,
        'This subscription has already ended',
      );
    }
    const cancelled = await this.gateway.cancel(row, { atPeriodEnd: !dto.immediately });
    await this.subscriptions.applied(row, cancelled, (manager) =>
      this.audit.record(
        auth,
        {
          action: 'subscription.cancel',
          subjectType: 'subscription',
          subjectId: row.id,
          ownerId: row.userId,
          metadata: { immediately: !!dto.immediately },
          ip: meta.ip,
        },
        manager,
      ),
    );
    return this.get(row.id);
  }

  /** Refunds the latest payment, fully or partly, through Stripe; charge.refunded confirms it. */
  async refund(auth: AuthContext, dto: AdminRefundDto, meta: RequestMeta): Promise<PaymentResponse> {
    const row = await this.requireSubscription(dto.subscriptionId);
    const payment = await this.repository.latestPaidPayment(row.stripeSubscriptionId);
    const refundable = payment ? payment.amountPence - payment.amountRefundedPence : 0;
    if (!payment || refundable <= 0) {
      throw new SubscriptionException(
        SubscriptionErrorCode.NothingToRefund,
        'This subscription has no payment left to refund',
      );
    }
    const amount = dto.amountPence ?? refundable;
    if (amount > refundable) {
      throw new SubscriptionException(
        SubscriptionErrorCode.RefundTooLarge,
        `At most ${refundable} pence of the latest payment can be refunded`,
        [{ field: 'amountPence', message: `amountPence must be at most ${refundable}` }],
      );
    }
    await this.gateway.refund(payment, amount);
    await this.dataSource.transaction(async (manager) => {
      // Stripe has accepted the refund; charge.refunded will confirm the same total.
      const fresh = await this.repository.requirePaymentByInvoice(payment.stripeInvoiceId, manager);
      const refunded = Math.max(fresh.amountRefundedPence, payment.amountRefundedPence + amount);
      await this.repository.updatePayment(
        payment.id,
        {
          amountRefundedPence: refunded,
          status: refunded >= payment.amountPence ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded,
        },
        manager,
      );
      await this.audit.record(
        auth,
        {
          action: 'subscription.refund',
          subjectType: 'payment',
          subjectId: payment.id,
          ownerId: row.userId,
          metadata: { subscriptionId: row.id, amountPence: amount },
          ip: meta.ip,
        },
        manager,
      );
    });
    return toPaymentResponse(await this.repository.requirePaymentByInvoice(payment.stripeInvoiceId));
  }

  /**
   * For the admin dashboard: paying and trialling subscriptions by plan, monthly recurring
   * revenue (a yearly price counts as a twelfth per month; trials pay nothing yet) and churn
   * (cancellations in the range over the customers at its start).
   */
  async dashboardFigures(range: { from: Date; to: Date }): Promise<SubscriptionFigures> {
    const live = await this.repository.countLiveByPlan(LIVE_STATUSES);
    const canceled = await this.repository.canceledByDay(range);
    const activeByPlan: Record<string, number> = {};
    let mrrPence = 0;
    for (const row of live) {
      activeByPlan[row.planKey] = (activeByPlan[row.planKey] ?? 0) + row.count;
      const prices = planByKey(row.planKey)?.prices;
      if (!prices || row.status === SubscriptionStatus.Trialing) continue;
      const monthly =
        row.interval === BillingInterval.Year ? prices[BillingInterval.Year] / 12 : prices[BillingInterval.Month];
      mrrPence += monthly * row.count;
    }
    const active = Object.values(activeByPlan).reduce((sum, n) => sum + n, 0);
    const churned = canceled.reduce((sum, day) => sum + day.count, 0);
    return {
      activeByPlan,
      mrrPence: Math.round(mrrPence),
      churned,
      churnRate: active + churned === 0 ? 0 : churned / (active + churned),
      canceledDaily: canceled,
    };
  }

  /** Users subscribed to a paid plan now (trialling and past due included). */
  subscriberIds(planKey: PlanKey, limit: number): Promise<string[]> {
    return this.repository.userIdsOnPlan(planKey, LIVE_STATUSES, limit);
  }

  /** The user's current subscription, for the admin's user page (null on the free plan). */
  async currentForUser(userId: string): Promise<AdminSubscriptionResponse | null> {
    const row = await this.repository.findCurrentForUser(userId);
    return row ? toAdminSubscriptionResponse(row) : null;
  }
}
