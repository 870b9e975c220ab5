/** The childminder dashboard's figures in words, as pure functions (unit-tested). */
import type { ChildminderStats } from '@core/api/api-types';

/** 0-100, whatever the API sends (it is a whole percentage; tolerate a 0-1 fraction). */
export function completenessPercent(stats: Pick<ChildminderStats, 'profileCompleteness'>): number {
  const raw = stats.profileCompleteness;
  if (!Number.isFinite(raw) || raw <= 0) return 0;
  const percent = raw <= 1 ? raw * 100 : raw;
  return Math.min(100, Math.round(percent));
}

const PLAN_STATUS: Readonly<Record<string, string>> = {
  free: 'Free plan',
  active: 'Active',
  trialing: 'Free trial',
  past_due: 'Payment overdue',
  unpaid: 'Unpaid',
  canceled: 'Cancelled',
  incomplete: 'Waiting for payment',
  incomplete_expired: 'Checkout expired',
  paused: 'Paused',
};

/** "Pro · Free trial", "Free plan". */
export function subscriptionLabel(subscription: ChildminderStats['subscription']): string {
  const status = PLAN_STATUS[subscription.status] ?? subscription.status;
  if (subscription.status === 'free' || !subscription.planKey) return status;
  const plan = subscription.planKey === 'childminder_pro' ? 'Pro' : subscription.planKey;
  return `${plan} · ${status}`;
}

/** "1 request", "3 requests". */
export const countOf = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
