import { countByDay, DailyCount } from '@app/database/daily-counts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, In, LessThan, Not, Repository } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { forUpdate } from '@app/database/locking';
import { BillingCustomer } from './entities/billing-customer.entity';
import { PaymentRecord, PaymentStatus } from './entities/payment-record.entity';
import { ProcessedWebhookEvent } from './entities/processed-webhook-event.entity';
import { Subscription, SubscriptionStatus } from './entities/subscription.entity';
import { BillingInterval, PlanKey } from './plans';
import { failWith } from '@app/common/errors/domain.exception';
import { subscriptionNotFound } from './subscription.exception';

const ENDED: SubscriptionStatus[] = [SubscriptionStatus.Canceled, SubscriptionStatus.IncompleteExpired];

export interface AdminSubscriptionFilter {
  planKey?: PlanKey;
  status?: SubscriptionStatus;
  role?: Role;
  renewsFrom?: Date;
  renewsTo?: Date;
}

/** subscriptions, payment_records, billing_customers and processed_webhook_events. */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    @InjectRepository(Subscription) private readonly subscriptions: Repository<Subscription>,
    @InjectRepository(PaymentRecord) private readonly payments: Repository<PaymentRecord>,
    @InjectRepository(BillingCustomer) private readonly customers: Repository<BillingCustomer>,
  ) {}

  private subs(manager?: EntityManager) {
    return manager ? manager.getRepository(Subscription) : this.subscriptions;
  }
  private pays(manager?: EntityManager) {
    return manager ? manager.getRepository(PaymentRecord) : this.payments;
  }
  private custs(manager?: EntityManager) {
    return manager ? manager.getRepository(BillingCustomer) : this.customers;
  }

  // ---- subscriptions ----

  findById(id: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ where: { id }, relations: { user: true } });
  }

  /** The user's newest subscription that has not ended: their current paid plan. */
  findCurrentForUser(userId: string, manager?: EntityManager): Promise<Subscription | null> {
    return this.subs(manager).findOne({
      where: { userId, status: Not(In(ENDED)) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** The current (not ended) subscriptions of these users; at most one each in practice. */
  findCurrentForUsers(userIds: readonly string[]): Promise<Subscription[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.subs().find({ where: { userId: In([...userIds]), status: Not(In(ENDED)) } });
  }

  findByStripeId(stripeSubscriptionId: string, manager?: EntityManager): Promise<Subscription | null> {
    return this.subs(manager).findOne({ where: { stripeSubscriptionId } });
  }

  findByStripeIdForUpdate(stripeSubscriptionId: string, manager: EntityManager): Promise<Subscription | null> {
    return manager.getRepository(Subscription).findOne({ where: { stripeSubscriptionId }, ...forUpdate(manager) });
  }

  findAllForUser(userId: string): Promise<Subscription[]> {
    return this.subscriptions.find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async insert(subscription: Subscription, manager?: EntityManager): Promise<void> {
    await this.subs(manager).insert(subscription);
  }

  async update(id: string, changes: Partial<Subscription>, manager?: EntityManager): Promise<void> {
    await this.subs(manager).update(id, changes);
  }

  pageForAdmin(filter: AdminSubscriptionFilter, page: { skip: number; take: number }) {
    const query = this.subscriptions
      .createQueryBuilder('subscription')
      .innerJoinAndSelect('subscription.user', 'user')
      .orderBy('subscription.createdAt', 'DESC')
      .addOrderBy('subscription.id', 'ASC')
      .skip(page.skip)
      .take(page.take);
    if (filter.planKey) query.andWhere('subscription.planKey = :planKey', { planKey: filter.planKey });
    if (filter.status) query.andWhere('subscription.status = :status', { status: filter.status });
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.renewsFrom) query.andWhere('subscription.currentPeriodEnd >= :from', { from: filter.renewsFrom });
    if (filter.renewsTo) query.andWhere('subscription.currentPeriodEnd <= :to', { to: filter.renewsTo });
    return query.getManyAndCount();
  }

  /** Yearly plans renewing in the window whose renewal has not been announced yet. */
  async findRenewalsDue(from: Date, to: Date): Promise<Subscription[]> {
    const rows = await this.subscriptions.find({
      where: {
        status: SubscriptionStatus.Active,
        interval: BillingInterval.Year,
        cancelAtPeriodEnd: false,
        currentPeriodEnd: Between(from, to),
      },
      relations: { user: true },
    });
    return rows.filter((row) => row.renewalReminderFor?.getTime() !== row.currentPeriodEnd?.getTime());
  }

  async findTrialsEndingBetween(from: Date, to: Date): Promise<Subscription[]> {
    const rows = await this.subscriptions.find({
      where: { status: SubscriptionStatus.Trialing, trialEnd: Between(from, to) },
      relations: { user: true },
    });
    return rows.filter((row) => row.trialReminderFor?.getTime() !== row.trialEnd?.getTime());
  }

  findEndedTrialsWithoutPaymentMethod(now: Date): Promise<Subscription[]> {
    return this.subscriptions.find({
      where: { status: SubscriptionStatus.Trialing, trialEnd: LessThan(now), hasPaymentMethod: false },
      relations: { user: true },
    });
  }

  // ---- customers ----

  findCustomerForUser(userId: string, manager?: EntityManager): Promise<BillingCustomer | null> {
    return this.custs(manager).findOne({ where: { userId } });
  }

  /** The user's billing customer, which must exist (a re-read after linking one): else the coded 404. */
  async requireCustomerForUser(userId: string, manager?: EntityManager): Promise<BillingCustomer> {
    return (await this.findCustomerForUser(userId, manager)) ?? failWith(subscriptionNotFound());
  }

  findCustomerByStripeId(stripeCustomerId: string, manager?: EntityManager): Promise<BillingCustomer | null> {
    return this.custs(manager).findOne({ where: { stripeCustomerId } });
  }

  /** Links a user to a Stripe customer; an existing link is kept. */
  async linkCustomer(userId: string, stripeCustomerId: string, manager?: EntityManager): Promise<void> {
    await this.custs(manager)
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .values(Object.assign(new BillingCustomer(), { userId, stripeCustomerId }))
      .execute();
  }

  // ---- payments ----

  paymentsForUser(userId: string): Promise<PaymentRecord[]> {
    return this.payments.find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 100 });
  }

  paymentsForSubscription(stripeSubscriptionId: string): Promise<PaymentRecord[]> {
    return this.payments.find({ where: { stripeSubscriptionId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The newest payment of the subscription that took money. */
  latestPaidPayment(stripeSubscriptionId: string): Promise<PaymentRecord | null> {
    return this.payments.findOne({
      where: {
        stripeSubscriptionId,
        status: In([PaymentStatus.Paid, PaymentStatus.PartiallyRefunded]),
        amountPence: Not(0),
      },
      order: { paidAt: 'DESC', createdAt: 'DESC' },
    });
  }

  findPaymentByInvoice(stripeInvoiceId: string, manager?: EntityManager): Promise<PaymentRecord | null> {
    return this.pays(manager).findOne({ where: { stripeInvoiceId } });
  }

  /** A payment that must exist (a re-read after a refund): else the subscription's coded 404. */
  async requirePaymentByInvoice(stripeInvoiceId: string, manager?: EntityManager): Promise<PaymentRecord> {
    return (await this.findPaymentByInvoice(stripeInvoiceId, manager)) ?? failWith(subscriptionNotFound());
  }

  findPaymentByCharge(
    ref: { paymentIntentId: string | null; chargeId: string },
    manager?: EntityManager,
  ): Promise<PaymentRecord | null> {
    const where: object[] = [{ stripeChargeId: ref.chargeId }];
    if (ref.paymentIntentId) where.push({ stripePaymentIntentId: ref.paymentIntentId });
    return this.pays(manager).findOne({ where });
  }

  async insertPayment(payment: PaymentRecord, manager?: EntityManager): Promise<void> {
    await this.pays(manager).insert(payment);
  }

  async updatePayment(id: string, changes: Partial<PaymentRecord>, manager?: EntityManager): Promise<void> {
    await this.pays(manager).update(id, changes);
  }

  // ---- webhook events ----

  async isEventProcessed(eventId: string, manager?: EntityManager): Promise<boolean> {
    const repo = manager
      ? manager.getRepository(ProcessedWebhookEvent)
      : this.subscriptions.manager.getRepository(ProcessedWebhookEvent);
    return (await repo.count({ where: { eventId } })) > 0;
  }

  /** Records the event inside the transaction applying it; a second insert violates the unique key. */
  async recordEvent(eventId: string, type: string, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(ProcessedWebhookEvent)
      .insert(Object.assign(new ProcessedWebhookEvent(), { eventId, type }));
  }

  // ---- admin dashboard ----

  /** Subscriptions that count as customers now, by plan, interval and status (IDX_subscriptions_plan_status). */
  async countLiveByPlan(
    statuses: SubscriptionStatus[],
  ): Promise<{ planKey: PlanKey; interval: BillingInterval; status: SubscriptionStatus; count: number }[]> {
    const rows = await this.subscriptions
      .createQueryBuilder('sub')
      .select('sub.planKey', 'planKey')
      .addSelect('sub.interval', 'interval')
      .addSelect('sub.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('sub.status IN (:...statuses)', { statuses })
      .groupBy('sub.planKey')
      .addGroupBy('sub.interval')
      .addGroupBy('sub.status')
      .getRawMany<{
        planKey: PlanKey;
        interval: BillingInterval;
        status: SubscriptionStatus;
        count: string | number;
      }>();
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** Users with a live subscription to a plan (admin emails to a plan's subscribers). */
  async userIdsOnPlan(planKey: PlanKey, statuses: SubscriptionStatus[], limit: number): Promise<string[]> {
    const rows = await this.subscriptions
      .createQueryBuilder('sub')
      .select('DISTINCT sub.userId', 'userId')
      .where('sub.planKey = :planKey AND sub.status IN (:...statuses)', { planKey, statuses })
      .limit(limit)
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  /** Cancellations that took effect in the range, per day and plan (IDX_subscriptions_canceled_at). */
  canceledByDay(range: { from: Date; to: Date }): Promise<DailyCount[]> {
    return countByDay(this.subscriptions.createQueryBuilder('sub'), 'sub', 'canceledAt', 'planKey', range);
  }
}
