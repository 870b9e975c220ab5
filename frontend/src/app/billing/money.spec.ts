import { formatPence } from '@shared/money/format-pence';
import { formatUkDate, isInAppUrl } from './money';

describe('money', () => {
  it('formats pence as pounds', () => {
    expect(formatPence(499)).toBe('£4.99');
    expect(formatPence(9900)).toBe('£99.00');
    expect(formatPence(0)).toBe('£0.00');
  });

  it('shows instants as UK dates', () => {
    expect(formatUkDate('2026-03-29T23:30:00.000Z')).toBe('30 March 2026');
    expect(formatUkDate(null)).toBe('');
  });

  it('tells the in-app simulator from Stripe Checkout', () => {
    expect(isInAppUrl('http://localhost:4200/billing/simulator?session=x', 'http://localhost:4200')).toBe(true);
    expect(isInAppUrl('https://checkout.stripe.com/c/pay/cs_1', 'http://localhost:4200')).toBe(false);
  });
});
