import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';
import { BillingInterval, PlanKey } from '../plans';

/** Stripe's subscription statuses, mirrored as they are. */
export enum SubscriptionStatus {
  Incomplete = 'incomplete',
  IncompleteExpired = 'incomplete_expired',
  Trialing = 'trialing',
  Active = 'active',
  PastDue = 'past_due',
  Canceled = 'canceled',
  Unpaid = 'unpaid',
  Paused = 'paused',
}
/** Statuses in which the plan's entitlements apply. */
export const ENTITLED_STATUSES: readonly SubscriptionStatus[] = [
  SubscriptionStatus.Trialing,
  SubscriptionStatus.Active,
  SubscriptionStatus.PastDue,
];

/**
 * One Stripe subscription of a user, as the last applied event (or reconciliation) described
 * it. The newest row that is not ended is the user's current plan; without one, the free plan
 * of their role applies.
 */
@Entity('subscriptions')
@Index('UQ_subscriptions_stripe_subscription', ['stripeSubscriptionId'], { unique: true })
@Index('IDX_subscriptions_user_created', ['userId', 'createdAt'])
// Admin filters and the billing jobs (renewals, trials ending).
@Index('IDX_subscriptions_status_period_end', ['status', 'currentPeriodEnd'])
@Index('IDX_subscriptions_status_trial_end', ['status', 'trialEnd'])
@Index('IDX_subscriptions_plan_status', ['planKey', 'status'])
export class Subscription extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  planKey: PlanKey;

  @Column({ type: 'varchar', length: 10 })
  interval: BillingInterval;

  @Column({ type: 'varchar', length: 30 })
  status: SubscriptionStatus;

  @Column({ type: 'varchar', length: 255 })
  stripeCustomerId: string;

  @Column({ type: 'varchar', length: 255 })
  stripeSubscriptionId: string;

  @Column({ type: 'varchar', length: 255 })
  stripePriceId: string;

  @Column({ type: 'datetime', nullable: true })
  currentPeriodEnd: Date | null;

  @Column({ type: 'datetime', nullable: true })
  trialEnd: Date | null;

  @Column({ type: 'boolean', default: false })
  cancelAtPeriodEnd: boolean;

  @Index('IDX_subscriptions_canceled_at')
  @Column({ type: 'datetime', nullable: true })
  canceledAt: Date | null;

  /** Whether Stripe holds a default payment method for it (a trial without one ends on the free plan). */
  @Column({ type: 'boolean', default: false })
  hasPaymentMethod: boolean;

  /** `created` (seconds) of the newest Stripe event applied: older events are not applied over it. */
  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  lastEventCreated: number;

  /** The period end a renewal reminder was sent for: one email per renewal. */
  @Column({ type: 'datetime', nullable: true })
  renewalReminderFor: Date | null;

  /** The trial end a reminder was sent for: one email per trial. */
  @Column({ type: 'datetime', nullable: true })
  trialReminderFor: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
