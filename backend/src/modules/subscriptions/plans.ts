import { Role } from '@app/common/auth/role';

/** Capability keys a plan grants. Routes ask for one with `@RequiresEntitlement(key)`. */
export const ENTITLEMENTS = [
  'search',
  'favourites',
  'conversations.start',
  'bookings.request',
  'alerts.last_minute',
  'profile.listed',
  'recommendations.featured',
  'calendar.sync',
  'openings.unlimited',
] as const;
export type Entitlement = (typeof ENTITLEMENTS)[number];

export enum PlanKey {
  ParentFree = 'parent_free',
  ParentPlus = 'parent_plus',
  ChildminderListed = 'childminder_listed',
  ChildminderPro = 'childminder_pro',
}
export const PAID_PLAN_KEYS = [PlanKey.ParentPlus, PlanKey.ChildminderPro] as const;
export type PaidPlanKey = (typeof PAID_PLAN_KEYS)[number];

export enum BillingInterval {
  Month = 'month',
  Year = 'year',
}

export interface Plan {
  key: PlanKey;
  /** Who can hold it: a parent never sees childminder plans and vice versa. */
  role: Role.Parent | Role.Childminder;
  name: string;
  description: string;
  /** Integer pence per interval; null for a free plan. */
  prices: Record<BillingInterval, number> | null;
  trialDays: number;
  entitlements: readonly Entitlement[];
}

const PARENT_FREE: readonly Entitlement[] = ['search', 'favourites'];
const LISTED: readonly Entitlement[] = ['profile.listed'];

/**
 * The plan catalogue. A code constant, not a table: prices change with a deploy that also
 * changes the Stripe Price ids in configuration, and the two must move together.
 */
export const PLANS: readonly Plan[] = [
  {
    key: PlanKey.ParentFree,
    role: Role.Parent,
    name: 'Free',
    description: 'Search childminders near you and keep a list of favourites.',
    prices: null,
    trialDays: 0,
    entitlements: PARENT_FREE,
  },
  {
    key: PlanKey.ParentPlus,
    role: Role.Parent,
    name: 'Plus',
    description: 'Message childminders, request bookings and get last-minute availability alerts.',
    prices: { [BillingInterval.Month]: 499, [BillingInterval.Year]: 4990 },
    trialDays: 14,
    entitlements: [...PARENT_FREE, 'conversations.start', 'bookings.request', 'alerts.last_minute'],
  },
  {
    key: PlanKey.ChildminderListed,
    role: Role.Childminder,
    name: 'Listed',
    description: 'A free public profile that parents can find and message.',
    prices: null,
    trialDays: 0,
    entitlements: LISTED,
  },
  {
    key: PlanKey.ChildminderPro,
    role: Role.Childminder,
    name: 'Pro',
    description: 'Featured in recommendations, calendar sync and unlimited last-minute openings.',
    prices: { [BillingInterval.Month]: 999, [BillingInterval.Year]: 9900 },
    trialDays: 30,
    entitlements: [...LISTED, 'recommendations.featured', 'calendar.sync', 'openings.unlimited'],
  },
];

export const planByKey = (key: PlanKey): Plan => PLANS.find((plan) => plan.key === key)!;

/** The plan a user of this role holds without paying (also after a paid plan ends). */
export const freePlanFor = (role: Role): Plan | undefined =>
  PLANS.find((plan) => plan.role === role && plan.prices === null);

/** The cheapest paid plan for `role` that grants `entitlement`: named in a 402. */
export const planUnlocking = (entitlement: Entitlement, role?: Role): Plan | undefined =>
  PLANS.filter((plan) => plan.entitlements.includes(entitlement) && (!role || plan.role === role)).sort(
    (a, b) => (a.prices?.month ?? 0) - (b.prices?.month ?? 0),
  )[0];
