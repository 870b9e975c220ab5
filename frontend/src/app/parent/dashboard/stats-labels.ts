/** The parent dashboard's figures in words. Pure. */
import type { ParentStats } from '@core/api/api-types';

const PLAN_NAMES: Record<string, string> = { parent_plus: 'Parent Plus' };

/** "Parent Plus (active)", "Parent Plus (trial)", "Free plan". */
export function subscriptionLabel(subscription: ParentStats['subscription']): string {
  if (!subscription.planKey || subscription.status === 'free') return 'Free plan';
  const name = PLAN_NAMES[subscription.planKey] ?? subscription.planKey.replace(/_/g, ' ');
  const status =
    subscription.status === 'trialing'
      ? 'trial'
      : subscription.status === 'past_due'
        ? 'payment due'
        : subscription.status;
  return `${name} (${status})`;
}
