import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/demo/demo-data';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo parent is on Plus (a simulated, monthly subscription), so that someone trying the
 * demo can message a childminder straight away; the free plan is shown by registering a parent.
 */
@Injectable()
@DemoData(20)
export class SubscriptionsDemoSeeder implements DemoDataSeeder {
  async seed({ manager, users }: DemoSeedContext): Promise<void> {
    const parentId = users[Role.Parent];
    if (!parentId) return;
    await manager.getRepository(Subscription).insert(
      Object.assign(new Subscription(), {
        userId: parentId,
        planKey: PlanKey.ParentPlus,
        interval: BillingInterval.Month,
        status: SubscriptionStatus.Active,
        stripeCustomerId: 'cus_demo_parent',
        stripeSubscriptionId: 'sub_demo_parent',
        stripePriceId: 'price_demo_parent_plus_month',
        currentPeriodEnd: new Date(Date.now() + 30 * DAY_MS),
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
        hasPaymentMethod: true,
        lastEventCreated: 0,
        renewalReminderFor: null,
        trialReminderFor: null,
      }),
    );
  }
}
