import type { SubscriptionPayment } from './admin-subscriptions-api';
import {
  addDays,
  latestRefundablePayment,
  listStateFromQuery,
  listStateToQuery,
  penceToPounds,
  poundsToPence,
  refundablePence,
  statusBars,
  ukDayEnd,
  ukDayStart,
} from './subscription-format';

function payment(overrides: Partial<SubscriptionPayment>): SubscriptionPayment {
  return {
    id: 'p1',
    amountPence: 499,
    amountRefundedPence: 0,
    currency: 'gbp',
    status: 'paid',
    paidAt: '2026-11-01T10:00:00.000Z',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('poundsToPence', () => {
  it('reads pounds with up to two decimals as integer pence', () => {
    expect(poundsToPence('12.5')).toBe(1250);
    expect(poundsToPence('£12.50')).toBe(1250);
    expect(poundsToPence(' 3 ')).toBe(300);
    expect(poundsToPence('0.07')).toBe(7);
    expect(poundsToPence('4.99')).toBe(499);
  });

  it('refuses zero, negatives, fractions of a penny and words', () => {
    for (const text of ['0', '0.00', '-1', '1.999', 'ten', '', '1,000', '1.']) {
      expect(poundsToPence(text)).toBeNull();
    }
  });

  it('round-trips with penceToPounds', () => {
    expect(penceToPounds(1250)).toBe('12.50');
    expect(poundsToPence(penceToPounds(999))).toBe(999);
  });
});

describe('refundable payments', () => {
  it('leaves what has not been refunded yet', () => {
    expect(refundablePence(payment({ amountRefundedPence: 200, status: 'partially_refunded' }))).toBe(299);
    expect(refundablePence(payment({ status: 'failed' }))).toBe(0);
    expect(refundablePence(payment({ amountRefundedPence: 499, status: 'refunded' }))).toBe(0);
  });

  it('picks the newest payment that took money, as the server does', () => {
    const older = payment({ id: 'old', paidAt: '2026-10-01T10:00:00.000Z' });
    const newest = payment({ id: 'new', paidAt: '2026-11-01T10:00:00.000Z' });
    const trialInvoice = payment({ id: 'zero', amountPence: 0, paidAt: '2026-11-20T10:00:00.000Z' });
    const failed = payment({ id: 'failed', status: 'failed', paidAt: null, createdAt: '2026-11-25T10:00:00.000Z' });
    expect(latestRefundablePayment([older, trialInvoice, failed, newest])?.id).toBe('new');
  });

  it('has nothing to refund once the latest payment is fully refunded', () => {
    const older = payment({ id: 'old', paidAt: '2026-10-01T10:00:00.000Z' });
    const refunded = payment({ id: 'new', amountRefundedPence: 499, status: 'refunded' });
    expect(latestRefundablePayment([older, refunded])?.id).toBe('old');
    expect(latestRefundablePayment([refunded])).toBeNull();
    expect(latestRefundablePayment([])).toBeNull();
  });
});

describe('UK days', () => {
  it('starts a winter day at midnight UTC and a summer day an hour earlier', () => {
    expect(ukDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(ukDayStart('2026-07-15')).toBe('2026-07-14T23:00:00.000Z');
  });

  it('ends a day one millisecond before the next one starts, across a clock change', () => {
    expect(ukDayEnd('2026-01-15')).toBe('2026-01-15T23:59:59.999Z');
    // Clocks go forward on 29 March 2026: the next day starts at 23:00 UTC.
    expect(ukDayEnd('2026-03-29')).toBe('2026-03-29T22:59:59.999Z');
    expect(ukDayEnd('2026-12-31')).toBe('2026-12-31T23:59:59.999Z');
  });

  it('refuses text that is not a day', () => {
    expect(ukDayStart('15/01/2026')).toBeNull();
    expect(ukDayStart('2026-02-31')).toBeNull();
    expect(ukDayEnd('')).toBeNull();
  });

  it('adds whole days to an instant', () => {
    expect(addDays('2026-11-29T12:00:00.000Z', 7)).toBe('2026-12-06T12:00:00.000Z');
  });
});

describe('statusBars', () => {
  it('scales every status to the largest count', () => {
    const bars = statusBars({ active: 40, trialing: 10, canceled: 20 });
    expect(bars.find((b) => b.status === 'active')).toEqual({
      status: 'active',
      label: 'Active',
      count: 40,
      percent: 100,
    });
    expect(bars.find((b) => b.status === 'trialing')?.percent).toBe(25);
    expect(bars.find((b) => b.status === 'past_due')).toMatchObject({ count: 0, percent: 0 });
    expect(bars).toHaveLength(8);
  });

  it('draws empty bars when there are no subscriptions', () => {
    expect(statusBars({}).every((b) => b.percent === 0)).toBe(true);
  });
});

describe('the list state in the address', () => {
  it('reads filters and the page from query parameters', () => {
    expect(
      listStateFromQuery({
        planKey: 'parent_plus',
        status: 'trialing',
        role: 'parent',
        renewsFrom: '2026-12-01',
        renewsTo: '2026-12-31',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      planKey: 'parent_plus',
      status: 'trialing',
      role: 'parent',
      renewsFrom: '2026-12-01',
      renewsTo: '2026-12-31',
      page: 3,
      pageSize: 50,
    });
  });

  it('falls back to "any" and the first page for values it cannot use', () => {
    expect(
      listStateFromQuery({
        planKey: 'DROP TABLE',
        status: 'toString',
        role: 'admin',
        renewsFrom: '31/12/2026',
        page: '-2',
        pageSize: '1000',
      }),
    ).toEqual({ planKey: '', status: '', role: '', renewsFrom: '', renewsTo: '', page: 1, pageSize: 20 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const state = listStateFromQuery({ status: 'active', page: '2' });
    const query = listStateToQuery(state);
    expect(query).toEqual({
      planKey: null,
      status: 'active',
      role: null,
      renewsFrom: null,
      renewsTo: null,
      page: 2,
      pageSize: null,
    });
    const asStrings = Object.fromEntries(
      Object.entries(query).flatMap(([key, value]) => (value === null ? [] : [[key, String(value)]])),
    );
    expect(listStateFromQuery(asStrings)).toEqual(state);
  });
});
