import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { StripeFake } from '../../fakes/stripe-fake';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';
import { deliver, paymentsOf, startWithStripeFake, subscriptionsOf } from './support';

jest.setTimeout(60_000);

describe('Admins look after subscriptions: list, detail, trial extension, cancel and refund', () => {
  let api: TestApp;
  let stripe: StripeFake;
  let admin: SignedInUser;
  beforeAll(async () => {
    ({ api, stripe } = await startWithStripeFake());
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(async () => {
    await api.close();
    await stripe.stop();
  });

  /** A childminder on Pro who paid at once (no trial: they had one before). */
  async function paying(role: Role.Parent | Role.Childminder, planKey: string, options: { trial?: boolean } = {}) {
    const user = await api.given.signedIn(role);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(user.auth)
      .send({ planKey, interval: 'month' });
    const session = stripe.sessions.get(checkout.body.sessionId)!;
    if (!options.trial) (session.subscription_data as { trial_period_days?: string }).trial_period_days = undefined;
    const { subscription, invoice } = stripe.completeCheckout(checkout.body.sessionId);
    await deliver(api, stripe.sign(stripe.event('customer.subscription.created', subscription)));
    await deliver(api, stripe.sign(stripe.event('invoice.paid', invoice)));
    const [row] = await subscriptionsOf(api.dataSource, user.user.id);
    return { user, subscription, invoice, row: row! };
  }

  it('refunds part of the latest payment through Stripe; charge.refunded confirms it once', async () => {
    const { user, row, invoice } = await paying(Role.Childminder, 'childminder_pro');
    const refund = await api
      .http()
      .post('/api/admin/subscriptions/refund')
      .set(admin.auth)
      .send({ subscriptionId: row.id, amountPence: 300 });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ amountPence: 999, amountRefundedPence: 300, status: 'partially_refunded' });
    const paymentIntent = (invoice.payments as { data: { payment: { payment_intent: string } }[] }).data[0]!.payment
      .payment_intent;
    expect([...stripe.refunds.values()]).toContainEqual(
      expect.objectContaining({ payment_intent: paymentIntent, amount: 300 }),
    );

    const charge = stripe.charges.get(paymentIntent)!;
    const event = stripe.sign(stripe.event('charge.refunded', charge));
    expect((await deliver(api, event)).status).toBe(200);
    expect((await deliver(api, event)).body.duplicate).toBe(true);
    const [payment] = (await paymentsOf(api.dataSource, user.user.id)).filter((p) => p.amountPence > 0);
    expect(payment).toMatchObject({ amountRefundedPence: 300, status: 'partially_refunded' });

    const tooMuch = await api
      .http()
      .post('/api/admin/subscriptions/refund')
      .set(admin.auth)
      .send({ subscriptionId: row.id, amountPence: 700 });
    expect(tooMuch.status).toBe(400);
    const rest = await api
      .http()
      .post('/api/admin/subscriptions/refund')
      .set(admin.auth)
      .send({ subscriptionId: row.id });
    expect(rest.body).toMatchObject({ amountRefundedPence: 999, status: 'refunded' });
    expect(
      (await api.http().post('/api/admin/subscriptions/refund').set(admin.auth).send({ subscriptionId: row.id }))
        .status,
    ).toBe(409);

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { action: 'subscription.refund', ownerId: user.user.id } });
    expect(audit.map((a) => a.metadata?.amountPence)).toEqual(expect.arrayContaining([300, 699]));
  });

  it('lists subscriptions filtered by plan, status, role and renewal date, and shows one with its payments', async () => {
    const { user, row } = await paying(Role.Childminder, 'childminder_pro');
    const list = await api
      .http()
      .get('/api/admin/subscriptions')
      .query({
        planKey: 'childminder_pro',
        status: 'active',
        role: 'childminder',
        renewsFrom: new Date().toISOString(),
        pageSize: 100,
      })
      .set(admin.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(row.id);
    expect(
      list.body.items.every(
        (i: { planKey: string; status: string }) => i.planKey === 'childminder_pro' && i.status === 'active',
      ),
    ).toBe(true);
    const parents = await api
      .http()
      .get('/api/admin/subscriptions')
      .query({ role: 'parent', pageSize: 100 })
      .set(admin.auth);
    expect(parents.body.items.map((i: { id: string }) => i.id)).not.toContain(row.id);
    expect((await api.http().get('/api/admin/subscriptions').query({ status: 'nope' }).set(admin.auth)).status).toBe(
      400,
    );

    const mine = await api.http().get('/api/subscription/current').set(user.auth);
    expect(mine.body.payments).toEqual([expect.objectContaining({ amountPence: 999, status: 'paid' })]);

    const detail = await api.http().get(`/api/admin/subscriptions/${row.id}`).set(admin.auth);
    expect(detail.body).toMatchObject({
      id: row.id,
      user: { id: user.user.id, role: 'childminder' },
      payments: [expect.objectContaining({ amountPence: 999, status: 'paid' })],
    });
  });

  it('changes a plan’s billing interval in Stripe without a proration charge (audited)', async () => {
    const { row, subscription } = await paying(Role.Childminder, 'childminder_pro');
    const invoicesBefore = stripe.invoices.size;
    const changed = await api
      .http()
      .patch(`/api/admin/subscriptions/${row.id}`)
      .set(admin.auth)
      .send({ interval: 'year' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ planKey: 'childminder_pro', interval: 'year' });
    const items = stripe.subscriptions.get(subscription.id as string)!.items as { data: { price: { id: string } }[] };
    expect(items.data[0]!.price.id).toBe('price_childminder_pro_year');
    expect(stripe.invoices.size).toBe(invoicesBefore);
    const wrongSide = await api
      .http()
      .patch(`/api/admin/subscriptions/${row.id}`)
      .set(admin.auth)
      .send({ planKey: 'parent_plus' });
    expect(wrongSide.status).toBe(400);
  });

  it('extends a trial and cancels a subscription, both audited', async () => {
    const { user, row, subscription } = await paying(Role.Parent, 'parent_plus', { trial: true });
    const later = new Date(row.trialEnd!.getTime() + 7 * 24 * 3600_000);
    const extended = await api
      .http()
      .patch(`/api/admin/subscriptions/${row.id}`)
      .set(admin.auth)
      .send({ trialEnd: later.toISOString() });
    expect(extended.status).toBe(200);
    expect(new Date(extended.body.trialEnd).getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);
    expect(stripe.subscriptions.get(subscription.id as string)!.trial_end).toBe(Math.floor(later.getTime() / 1000));
    const earlier = await api
      .http()
      .patch(`/api/admin/subscriptions/${row.id}`)
      .set(admin.auth)
      .send({ trialEnd: new Date().toISOString() });
    expect(earlier.status).toBe(400);

    const cancelled = await api
      .http()
      .post('/api/admin/subscriptions/cancel')
      .set(admin.auth)
      .send({ subscriptionId: row.id, immediately: true });
    expect(cancelled.body.status).toBe('canceled');
    expect((await api.http().get('/api/check-subscription').set(user.auth)).body.active).toBe(false);
    const actions = (await api.dataSource.getRepository(AuditEntry).find({ where: { subjectId: row.id } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['subscription.update', 'subscription.cancel']));
  });
  it('narrows the list by renewal window and plan, pages it newest first, and refuses bad filters', async () => {
    const minder = await paying(Role.Childminder, 'childminder_pro');
    const parent = await paying(Role.Parent, 'parent_plus');
    const list = (query: Record<string, string | number>) =>
      api.http().get('/api/admin/subscriptions').query(query).set(admin.auth);
    const ids = async (query: Record<string, string | number>) => {
      const response = await list({ pageSize: 100, ...query });
      expect(response.status).toBe(200);
      return response.body.items.map((i: { id: string }) => i.id) as string[];
    };
    const renews = minder.row.currentPeriodEnd!.getTime();
    const at = (ms: number) => new Date(ms).toISOString();

    // A window around the renewal holds it; windows that end before or start after it do not.
    expect(await ids({ renewsFrom: at(renews - 60_000), renewsTo: at(renews + 60_000) })).toContain(minder.row.id);
    expect(await ids({ renewsTo: at(renews - 60_000) })).not.toContain(minder.row.id);
    expect(await ids({ renewsFrom: at(renews + 60_000) })).not.toContain(minder.row.id);

    const plus = await ids({ planKey: 'parent_plus' });
    expect(plus).toContain(parent.row.id);
    expect(plus).not.toContain(minder.row.id);
    expect(await ids({ planKey: 'parent_plus', status: 'canceled' })).not.toContain(parent.row.id);

    // Newest first, one per page: the parent subscribed after the childminder.
    const first = await list({ page: 1, pageSize: 1 });
    const second = await list({ page: 2, pageSize: 1 });
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, items: [expect.objectContaining({ id: parent.row.id })] });
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(parent.row.id);

    const badFilters: Record<string, string | number>[] = [
      { renewsFrom: 'next tuesday' },
      { renewsTo: 'soon' },
      { role: 'admin' },
      { pageSize: 101 },
    ];
    for (const bad of badFilters) {
      const refused = await list(bad);
      expect(refused.status).toBe(400);
      expect(refused.body.statusCode).toBe(400);
    }
  });

  it('extends only a trial, only to a later date, and audits the new end', async () => {
    const active = await paying(Role.Parent, 'parent_plus');
    const stripeTrialEnd = stripe.subscriptions.get(active.subscription.id as string)!.trial_end;
    const notTrialing = await api
      .http()
      .patch(`/api/admin/subscriptions/${active.row.id}`)
      .set(admin.auth)
      .send({ trialEnd: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() });
    expect(notTrialing.status).toBe(409);
    expect(notTrialing.body.code).toBe('SUBSCRIPTION_NOT_TRIALING');
    expect(stripe.subscriptions.get(active.subscription.id as string)!.trial_end).toBe(stripeTrialEnd);

    const trial = await paying(Role.Parent, 'parent_plus', { trial: true });
    expect(trial.row.status).toBe('trialing');
    const before = trial.row.trialEnd!;
    const backwards = await api
      .http()
      .patch(`/api/admin/subscriptions/${trial.row.id}`)
      .set(admin.auth)
      .send({ trialEnd: new Date(before.getTime() - 24 * 3600_000).toISOString() });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'trialEnd' })]);
    const notADate = await api
      .http()
      .patch(`/api/admin/subscriptions/${trial.row.id}`)
      .set(admin.auth)
      .send({ trialEnd: 'next week' });
    expect(notADate.status).toBe(400);

    const later = new Date(before.getTime() + 3 * 24 * 3600_000);
    const extended = await api
      .http()
      .patch(`/api/admin/subscriptions/${trial.row.id}`)
      .set(admin.auth)
      .send({ trialEnd: later.toISOString() });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ id: trial.row.id, status: 'trialing', payments: expect.any(Array) });
    expect(new Date(extended.body.trialEnd).getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);
    const [stored] = await subscriptionsOf(api.dataSource, trial.user.user.id);
    expect(stored!.trialEnd!.getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { action: 'subscription.update', subjectId: trial.row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata).toMatchObject({ trialEnd: later.toISOString(), planKey: null, interval: null });

    const unknown = await api
      .http()
      .patch('/api/admin/subscriptions/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .send({ trialEnd: later.toISOString() });
    expect(unknown.status).toBe(404);
  });
});
