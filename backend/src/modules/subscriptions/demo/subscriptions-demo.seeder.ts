import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { DemoData, DemoDataSeeder, DemoSeedContext } from '@app/database/seed/demo-data';
import { Subscription, SubscriptionStatus } from '../entities/subscription.entity';
import { BillingInterval, PlanKey } from '../plans';

/**
 * The demo parent is on Parent Plus, so that the demo's main journey (request a booking) works
 * without a checkout first. Identifiers are the simulator's kind, never a real Stripe object.
 */
@Injectable()
@DemoData(25)
export class SubscriptionsDemoSeeder implements DemoDataSeeder {
  async seed(context: DemoSeedContext): Promise<void> {
    const parentId = context.users[Role.Parent];
    if (!parentId) return;
    await context.manager.getRepository(Subscription).insert(
      Object.assign(new Subscription(), {
        userId: parentId,
        planKey: PlanKey.ParentPlus,
        interval: BillingInterval.Month,
        status: SubscriptionStatus.Active,
        stripeCustomerId: 'cus_demo_parent',
        stripeSubscriptionId: 'sub_demo_parent',
        stripePriceId: 'price_demo_parent_plus_month',
        currentPeriodEnd: DateTime.now().plus({ days: 30 }).toJSDate(),
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
