/**
 * What the admin subscription screens show and accept, as pure functions so that the rules
 * (money, UK days, the refundable payment) are unit-tested without Angular.
 */
import type { SubscriptionPayment, SubscriptionRole, SubscriptionStatus } from './admin-subscriptions-api';

export const SUBSCRIPTION_STATUS_LABELS: Readonly<Record<SubscriptionStatus, string>> = {
  trialing: 'Free trial',
  active: 'Active',
  past_due: 'Payment overdue',
  unpaid: 'Unpaid',
  incomplete: 'Waiting for payment',
  incomplete_expired: 'Checkout expired',
  paused: 'Paused',
  canceled: 'Cancelled',
};

/** The order statuses are offered in filters and drawn in the chart: live ones first. */
export const SUBSCRIPTION_STATUSES = Object.keys(SUBSCRIPTION_STATUS_LABELS) as SubscriptionStatus[];

/** Statuses in which a subscription still grants its plan, so it can be changed or cancelled. */
export const LIVE_STATUSES: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];

export const ROLE_LABELS: Readonly<Record<SubscriptionRole, string>> = {
  parent: 'Parent',
  childminder: 'Childminder',
};

/** A user's role as the API gives it (a plain string) for display. */
export const roleLabel = (role: string): string => ROLE_LABELS[role as SubscriptionRole] ?? role;

export const PAYMENT_STATUS_LABELS: Readonly<Record<SubscriptionPayment['status'], string>> = {
  paid: 'Paid',
  failed: 'Failed',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

const POUNDS = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/;

/** "12.5", "£12.50" or "12" as integer pence (1250, 1250, 1200); null for anything else or zero. */
export function poundsToPence(text: string): number | null {
  const match = POUNDS.exec(text.trim());
  if (!match) return null;
  const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return pence > 0 ? pence : null;
}

/** 1250 -> "12.50": pence as the amount field shows it. */
export const penceToPounds = (pence: number): string => (pence / 100).toFixed(2);

/** What is left to refund of a payment. */
export const refundablePence = (payment: SubscriptionPayment): number =>
  payment.status === 'paid' || payment.status === 'partially_refunded'
    ? Math.max(0, payment.amountPence - payment.amountRefundedPence)
    : 0;

/**
 * The payment a refund applies to, as the server picks it: the newest one that took money and
 * is paid or partly refunded. Null when there is nothing left to refund.
 */
export function latestRefundablePayment(payments: readonly SubscriptionPayment[]): SubscriptionPayment | null {
  const taken = payments
    .filter((p) => p.amountPence > 0 && (p.status === 'paid' || p.status === 'partially_refunded'))
    .sort((a, b) => (b.paidAt ?? b.createdAt).localeCompare(a.paidAt ?? a.createdAt));
  const latest = taken[0];
  return latest && refundablePence(latest) > 0 ? latest : null;
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes UK time is ahead of UTC at `instant` (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts['year']!, +parts['month']! - 1, +parts['day']!, +parts['hour']!, +parts['minute']!);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day (from a date input) as the instant it starts in the UK; null if not a day. */
export function ukDayStart(day: string): string | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const utcMidnight = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!);
  // Date.UTC rolls 31 February over into March: such a day does not exist.
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== day) return null;
  // UK clocks change at 01:00 UTC, so midnight is never skipped or repeated.
  return new Date(utcMidnight - londonOffsetMinutes(utcMidnight) * 60_000).toISOString();
}

/** The last millisecond of a `YYYY-MM-DD` day in the UK; null if not a day. */
export function ukDayEnd(day: string): string | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const next = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]! + 1)).toISOString().slice(0, 10);
  const start = ukDayStart(next);
  return start ? new Date(Date.parse(start) - 1).toISOString() : null;
}

/** `iso` moved on by whole days (24 h each, as Stripe counts a trial). */
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export interface StatusBar {
  status: SubscriptionStatus;
  label: string;
  count: number;
  /** Bar length as a percentage of the largest count (0-100). */
  percent: number;
}

/** The chart's bars: every status with its count, scaled to the largest. */
export function statusBars(counts: Readonly<Partial<Record<SubscriptionStatus, number>>>): StatusBar[] {
  const largest = Math.max(0, ...SUBSCRIPTION_STATUSES.map((s) => counts[s] ?? 0));
  return SUBSCRIPTION_STATUSES.map((status) => {
    const count = counts[status] ?? 0;
    return {
      status,
      label: SUBSCRIPTION_STATUS_LABELS[status],
      count,
      percent: largest ? Math.round((count / largest) * 100) : 0,
    };
  });
}

/** The list's filters and page as the address keeps them, so a filtered list can be shared or returned to. */
export interface SubscriptionListState {
  planKey: string;
  status: SubscriptionStatus | '';
  role: SubscriptionRole | '';
  /** `YYYY-MM-DD` UK days. */
  renewsFrom: string;
  renewsTo: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** Query parameters as typed or pasted into the address: anything unusable falls back to "any". */
export function listStateFromQuery(query: Readonly<Record<string, string | undefined>>): SubscriptionListState {
  const status = query['status'] ?? '';
  const role = query['role'] ?? '';
  const day = (value: string | undefined) => (value && ukDayStart(value) ? value : '');
  const page = Number(query['page']);
  const pageSize = Number(query['pageSize']);
  return {
    planKey: /^[a-z_]{1,40}$/.test(query['planKey'] ?? '') ? query['planKey']! : '',
    status: Object.hasOwn(SUBSCRIPTION_STATUS_LABELS, status) ? (status as SubscriptionStatus) : '',
    role: Object.hasOwn(ROLE_LABELS, role) ? (role as SubscriptionRole) : '',
    renewsFrom: day(query['renewsFrom']),
    renewsTo: day(query['renewsTo']),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The query parameters for a state: defaults are left out (null removes a parameter). */
export function listStateToQuery(state: SubscriptionListState): Record<string, string | number | null> {
  return {
    planKey: state.planKey || null,
    status: state.status || null,
    role: state.role || null,
    renewsFrom: state.renewsFrom || null,
    renewsTo: state.renewsTo || null,
    page: state.page > 1 ? state.page : null,
    pageSize: state.pageSize !== DEFAULT_PAGE_SIZE ? state.pageSize : null,
  };
}
