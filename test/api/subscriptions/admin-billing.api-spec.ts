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
});
