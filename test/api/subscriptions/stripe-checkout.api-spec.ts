import { Role } from '@app/common/auth/role';
import { BillingJobs } from '@app/modules/subscriptions/billing-jobs';
import { ProcessedWebhookEvent } from '@app/modules/subscriptions/entities/processed-webhook-event.entity';
import { Subscription } from '@app/modules/subscriptions/entities/subscription.entity';
import { StripeFake } from '../../fakes/stripe-fake';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';
import { deliver, paymentsOf, startWithStripeFake, subscriptionsOf } from './support';

jest.setTimeout(60_000);

describe('A parent subscribes through Stripe Checkout and the webhooks keep the plan right', () => {
  let api: TestApp;
  let stripe: StripeFake;
  beforeAll(async () => {
    ({ api, stripe } = await startWithStripeFake());
  });
  afterAll(async () => {
    await api.close();
    await stripe.stop();
  });

  /** Checkout through the API, payment on Stripe's page, and the events Stripe then sends. */
  async function subscribed(parent: SignedInUser, interval: 'month' | 'year' = 'month') {
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval });
    expect(checkout.status).toBe(201);
    const { subscription, invoice, session } = stripe.completeCheckout(checkout.body.sessionId);
    for (const event of [
      stripe.event('checkout.session.completed', session),
      stripe.event('customer.subscription.created', subscription),
      stripe.event('invoice.paid', invoice),
    ]) {
      expect((await deliver(api, stripe.sign(event))).status).toBe(200);
    }
    return { subscription, invoice, sessionId: checkout.body.sessionId as string };
  }

  it('checkout creates a Stripe session with the plan’s trial and URLs back into the app, reusing the customer', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const first = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      mode: 'stripe',
      url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//),
    });
    const session = stripe.sessions.get(first.body.sessionId)!;
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: parent.user.id,
      success_url: 'http://localhost:4200/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:4200/billing/cancelled',
      subscription_data: { trial_period_days: '14', metadata: { userId: parent.user.id, planKey: 'parent_plus' } },
      line_items: [{ price: 'price_parent_plus_month', quantity: '1' }],
    });
    const second = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year' });
    expect(stripe.sessions.get(second.body.sessionId)!.customer).toBe(session.customer);
    expect(
      [...stripe.customers.values()].filter((c) => (c.metadata as { userId?: string }).userId === parent.user.id),
    ).toHaveLength(1);

    const wrongSide = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'childminder_pro', interval: 'month' });
    expect(wrongSide.status).toBe(400);
  });

  it('after checkout the webhook makes the plan active (trialing) and unlocks its entitlements', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body).toEqual({
      active: false,
      status: 'free',
      planKey: null,
    });
    await subscribed(parent);

    const check = await api.http().get('/api/check-subscription').set(parent.auth);
    expect(check.body).toEqual({ active: true, status: 'trialing', planKey: 'parent_plus' });
    const current = await api.http().get('/api/subscription/current').set(parent.auth);
    expect(current.body.plan.name).toBe('Plus');
    expect(current.body.entitlements).toContain('conversations.start');
    expect(current.body.subscription).toMatchObject({
      interval: 'month',
      status: 'trialing',
      hasPaymentMethod: true,
      cancelAtPeriodEnd: false,
    });

    const again = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year' });
    expect(again.status).toBe(409);
  });

  it('a bad signature, a tampered body and a stale timestamp are refused with 400 and change nothing', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    const { subscription } = stripe.completeCheckout(checkout.body.sessionId);
    const event = stripe.event('customer.subscription.created', subscription);

    const wrongSecret = stripe.sign(event, { secret: 'whsec_not_the_right_one' });
    const good = stripe.sign(event);
    const tampered = { payload: good.payload.replace('"trialing"', '"active"'), signature: good.signature };
    const stale = stripe.sign(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    for (const delivery of [wrongSecret, tampered, stale, { payload: good.payload, signature: '' }]) {
      const response = await deliver(api, delivery);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('WEBHOOK_INVALID_SIGNATURE');
    }
    expect(await subscriptionsOf(api.dataSource, parent.user.id)).toHaveLength(0);
    expect(
      await api.dataSource.getRepository(ProcessedWebhookEvent).count({ where: { eventId: event.id as string } }),
    ).toBe(0);
    expect((await deliver(api, good)).status).toBe(200);
    expect(await subscriptionsOf(api.dataSource, parent.user.id)).toHaveLength(1);
  });

  it('the same event delivered 10 times has one effect', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    stripe.subscriptions.get(subscription.id as string)!.status = 'active';
    const renewal = stripe.failRenewal(subscription.id as string);
    const event = stripe.event('invoice.payment_failed', renewal);
    const signed = stripe.sign(event);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(api, signed)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);

    const failedPayments = (await paymentsOf(api.dataSource, parent.user.id)).filter((p) => p.status === 'failed');
    expect(failedPayments).toHaveLength(1);
    const emails = (await api.outbox.to(parent.email)).filter((e) => e.template === 'payment-failed');
    expect(emails).toHaveLength(1);
    expect(
      await api.dataSource.getRepository(ProcessedWebhookEvent).count({ where: { eventId: event.id as string } }),
    ).toBe(1);
  });

  it('invoice.payment_failed emails the user a link to fix the payment', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    const renewal = stripe.failRenewal(subscription.id as string);
    await deliver(api, stripe.sign(stripe.event('invoice.payment_failed', renewal)));
    await deliver(
      api,
      stripe.sign(stripe.event('customer.subscription.updated', stripe.subscriptions.get(subscription.id as string)!)),
    );

    const email = await api.outbox.latest(parent.email, 'payment-failed');
    expect(email.subject).toBe('We could not take your payment for Plus');
    expect(email.text).toContain('£4.99');
    expect(email.text).toContain('Fix my payment: http://localhost:4200/billing');
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body.status).toBe('past_due');
  });

  it('events delivered out of order leave the newest state', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    const { subscription, session } = stripe.completeCheckout(checkout.body.sessionId);
    const created = stripe.event('customer.subscription.created', subscription);
    const completed = stripe.event('checkout.session.completed', session);
    const live = stripe.subscriptions.get(subscription.id as string)!;
    Object.assign(live, { status: 'active', trial_end: null });
    const activated = stripe.event('customer.subscription.updated', live);
    Object.assign(live, { cancel_at_period_end: true });
    const cancelling = stripe.event('customer.subscription.updated', live);

    for (const event of [cancelling, created, activated, completed]) {
      expect((await deliver(api, stripe.sign(event))).status).toBe(200);
    }
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    expect(row).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, trialEnd: null });
  });

  it('a plan change shows the prorated amount first, then makes the change', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    const preview = await api
      .http()
      .post('/api/subscription/update')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year', preview: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, prorationDate: expect.any(Number) });
    expect(preview.body.amountDuePence).toBeGreaterThan(0);
    expect(preview.body.amountDuePence).toBeLessThanOrEqual(4990 - 0);
    expect(
      (stripe.subscriptions.get(subscription.id as string)!.items as { data: { price: { id: string } }[] }).data[0]!
        .price.id,
    ).toBe('price_parent_plus_month');

    const update = await api
      .http()
      .post('/api/subscription/update')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year', prorationDate: preview.body.prorationDate });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ planKey: 'parent_plus', interval: 'year' });
    const call = stripe.requests
      .filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscription.id}`)
      .pop()!;
    expect(call.form).toMatchObject({
      proration_behavior: 'create_prorations',
      proration_date: String(preview.body.prorationDate),
    });

    const same = await api
      .http()
      .post('/api/subscription/update')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year' });
    expect(same.status).toBe(409);
  });

  it('cancel ends the plan at the end of the paid period by default, immediately on request', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    const cancel = await api.http().post('/api/subscription/cancel').set(parent.auth).send({});
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'trialing', cancelAtPeriodEnd: true });
    expect(stripe.subscriptions.get(subscription.id as string)!.cancel_at_period_end).toBe(true);
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body.active).toBe(true);

    const now = await api.http().post('/api/subscription/cancel').set(parent.auth).send({ immediately: true });
    expect(now.body.status).toBe('canceled');
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body).toMatchObject({
      active: false,
      status: 'free',
    });
    expect((await api.http().post('/api/subscription/cancel').set(parent.auth).send({})).status).toBe(409);
  });

  it('trial_will_end emails the trial reminder once, and the daily job does not send it again', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    const live = stripe.subscriptions.get(subscription.id as string)!;
    live.trial_end = Math.floor(Date.now() / 1000) + 3 * 24 * 3600 - 60;
    await deliver(api, stripe.sign(stripe.event('customer.subscription.trial_will_end', live)));
    await api.app.get(BillingJobs).sendTrialReminders(new Date());
    const reminders = (await api.outbox.to(parent.email)).filter((e) => e.template === 'trial-ending');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('we will charge £4.99');
  });

  it('fix-subscriptions repairs a local row that disagrees with Stripe, and recreates a missing one', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { subscription } = await subscribed(parent);
    await api.dataSource
      .getRepository(Subscription)
      .update({ stripeSubscriptionId: subscription.id as string }, { status: 'canceled' as never });
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body.active).toBe(false);

    const fixed = await api.http().get('/api/fix-subscriptions').set(parent.auth);
    expect(fixed.status).toBe(200);
    expect(fixed.body).toEqual({ repaired: 1, current: { active: true, status: 'trialing', planKey: 'parent_plus' } });

    await api.dataSource.getRepository(Subscription).delete({ stripeSubscriptionId: subscription.id as string });
    expect((await api.http().get('/api/fix-subscriptions').set(parent.auth)).body.repaired).toBe(1);
    expect((await api.http().get('/api/fix-subscriptions').set(parent.auth)).body.repaired).toBe(0);
  });
});
