import { Injectable } from '@nestjs/common';
import { Role } from '@app/common/auth/role';
import { ENTITLED_STATUSES, Subscription } from '../entities/subscription.entity';
import { Entitlement, freePlanFor, Plan, planByKey } from '../plans';
import { SubscriptionsRepository } from '../subscriptions.repository';

export interface EffectivePlan {
  plan: Plan | undefined;
  subscription: Subscription | null;
}

/** What a user may do, from their current subscription or, without one, their role's free plan. */
@Injectable()
export class EntitlementsService {
  constructor(private readonly repository: SubscriptionsRepository) {}

  async effectivePlan(userId: string, role: Role): Promise<EffectivePlan> {
    const subscription = await this.repository.findCurrentForUser(userId);
    if (subscription && ENTITLED_STATUSES.includes(subscription.status)) {
      return { plan: planByKey(subscription.planKey), subscription };
    }
    return { plan: freePlanFor(role), subscription };
  }

  async has(userId: string, role: Role, entitlement: Entitlement): Promise<boolean> {
    const { plan } = await this.effectivePlan(userId, role);
    return !!plan?.entitlements.includes(entitlement);
  }

  /** Which of these users (all of `role`) have `entitlement`: one query for a whole result list. */
  async usersWith(userIds: readonly string[], role: Role, entitlement: Entitlement): Promise<Set<string>> {
    const byUser = new Map((await this.repository.findCurrentForUsers(userIds)).map((s) => [s.userId, s]));
    return new Set(
      userIds.filter((id) => {
        const subscription = byUser.get(id);
        const plan =
          subscription && ENTITLED_STATUSES.includes(subscription.status)
            ? planByKey(subscription.planKey)
            : freePlanFor(role);
        return !!plan?.entitlements.includes(entitlement);
      }),
    );
  }

  /** For other modules' dashboards: "active", "trialing", "past_due" ... or "free". */
  async statusFor(userId: string, role: Role): Promise<{ planKey: string | null; status: string }> {
    const { plan, subscription } = await this.effectivePlan(userId, role);
    return { planKey: plan?.key ?? null, status: subscription?.status ?? 'free' };
  }
}
