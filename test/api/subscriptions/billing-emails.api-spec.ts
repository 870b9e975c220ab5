import { BillingJobs } from '@app/modules/subscriptions/billing-jobs';
import { Subscription, SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { BillingInterval, PlanKey } from '@app/modules/subscriptions/plans';
import type { TestApp } from '../../support/test-app';
import { startAppWithEnv } from './support';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;

describe('Honest billing: reminders before renewals and trial ends, once each; an unpaid trial ends free', () => {
  let api: TestApp;
  let jobs: BillingJobs;
  beforeAll(async () => {
    api = await startAppWithEnv({});
    jobs = api.app.get(BillingJobs);
  });
  afterAll(() => api.close());

  async function withSubscription(fields: Partial<Subscription>) {
    const parent = await api.given.parent();
    const row = Object.assign(new Subscription(), {
      userId: parent.user.id,
      planKey: PlanKey.ParentPlus,
      interval: BillingInterval.Year,
      status: SubscriptionStatus.Active,
      stripeCustomerId: `cus_sim_${parent.user.id}`,
      stripeSubscriptionId: `sub_sim_${parent.user.id}`,
      stripePriceId: 'price_sim_parent_plus_year',
      currentPeriodEnd: null,
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      hasPaymentMethod: true,
      lastEventCreated: 0,
      renewalReminderFor: null,
      trialReminderFor: null,
      ...fields,
    });
    await api.dataSource.getRepository(Subscription).insert(row);
    return { parent, row };
  }

  it('emails 7 days before a yearly renewal, once, and not for a monthly plan or one set to cancel', async () => {
    const now = new Date();
    const { parent } = await withSubscription({ currentPeriodEnd: new Date(now.getTime() + 6 * DAY) });
    const monthly = await withSubscription({
      interval: BillingInterval.Month,
      stripePriceId: 'price_sim_parent_plus_month',
      currentPeriodEnd: new Date(now.getTime() + 6 * DAY),
    });
    const leaving = await withSubscription({
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(now.getTime() + 6 * DAY),
    });
    const far = await withSubscription({ currentPeriodEnd: new Date(now.getTime() + 20 * DAY) });

    await jobs.sendRenewalReminders(now);
    await jobs.sendRenewalReminders(new Date(now.getTime() + 3600_000));
    const reminders = (await api.outbox.to(parent.email)).filter((e) => e.template === 'subscription-renewal-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('£49.90');
    for (const other of [monthly, leaving, far]) {
      expect(
        (await api.outbox.to(other.parent.email)).filter((e) => e.template === 'subscription-renewal-reminder'),
      ).toHaveLength(0);
    }
  });

  it('emails 3 days before a trial ends, once', async () => {
    const now = new Date();
    const { parent } = await withSubscription({
      status: SubscriptionStatus.Trialing,
      interval: BillingInterval.Month,
      trialEnd: new Date(now.getTime() + 2 * DAY),
      hasPaymentMethod: false,
    });
    await jobs.sendTrialReminders(now);
    await jobs.sendTrialReminders(new Date(now.getTime() + DAY));
    const emails = (await api.outbox.to(parent.email)).filter((e) => e.template === 'trial-ending');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain('add a payment method');
  });

  it('a trial that ended without a payment method moves to the free plan and says so', async () => {
    const now = new Date();
    const { parent, row } = await withSubscription({
      status: SubscriptionStatus.Trialing,
      interval: BillingInterval.Month,
      trialEnd: new Date(now.getTime() - 60_000),
      hasPaymentMethod: false,
    });
    const withCard = await withSubscription({
      status: SubscriptionStatus.Trialing,
      interval: BillingInterval.Month,
      trialEnd: new Date(now.getTime() - 60_000),
      hasPaymentMethod: true,
    });
    await jobs.downgradeEndedTrials(now);
    await jobs.downgradeEndedTrials(now);

    expect((await api.dataSource.getRepository(Subscription).findOneByOrFail({ id: row.id })).status).toBe('canceled');
    expect((await api.dataSource.getRepository(Subscription).findOneByOrFail({ id: withCard.row.id })).status).toBe(
      'trialing',
    );
    expect((await api.outbox.to(parent.email)).filter((e) => e.template === 'trial-ended-downgraded')).toHaveLength(1);
    const signedIn = await api.given.login(parent.email, parent.password);
    const current = await api.http().get('/api/subscription/current').set(signedIn.auth);
    expect(current.body.plan.name).toBe('Free');
  });
});
