import { subscriptionLabel } from './stats-labels';

describe('subscriptionLabel', () => {
  it.each([
    [{ planKey: 'parent_plus', status: 'active' }, 'Parent Plus (active)'],
    [{ planKey: 'parent_plus', status: 'trialing' }, 'Parent Plus (trial)'],
    [{ planKey: 'parent_plus', status: 'past_due' }, 'Parent Plus (payment due)'],
    [{ planKey: null, status: 'free' }, 'Free plan'],
  ])('%j -> %s', (subscription, expected) => {
    expect(subscriptionLabel(subscription)).toBe(expected);
  });
});
