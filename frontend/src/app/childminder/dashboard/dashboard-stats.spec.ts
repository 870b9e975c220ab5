import { completenessPercent, countOf, subscriptionLabel } from './dashboard-stats';

describe('completenessPercent', () => {
  it('is a whole percentage between 0 and 100', () => {
    expect(completenessPercent({ profileCompleteness: 0 })).toBe(0);
    expect(completenessPercent({ profileCompleteness: 45 })).toBe(45);
    expect(completenessPercent({ profileCompleteness: 100 })).toBe(100);
    expect(completenessPercent({ profileCompleteness: 0.8 })).toBe(80);
    expect(completenessPercent({ profileCompleteness: 140 })).toBe(100);
    expect(completenessPercent({ profileCompleteness: Number.NaN })).toBe(0);
  });
});

describe('subscriptionLabel', () => {
  it('names the plan and its state', () => {
    expect(subscriptionLabel({ planKey: null, status: 'free' })).toBe('Free plan');
    expect(subscriptionLabel({ planKey: 'childminder_pro', status: 'trialing' })).toBe('Pro · Free trial');
    expect(subscriptionLabel({ planKey: 'childminder_pro', status: 'past_due' })).toBe('Pro · Payment overdue');
  });
});

describe('countOf', () => {
  it('counts in words', () => {
    expect(countOf(1, 'request')).toBe('1 request');
    expect(countOf(0, 'request')).toBe('0 requests');
    expect(countOf(2, 'child', 'children')).toBe('2 children');
  });
});
