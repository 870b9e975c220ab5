import Stripe from 'stripe';
import { Role } from '@app/common/auth/role';
import { GlobalExceptionFilter } from '@app/common/errors/global-exception.filter';
import { RequiresEntitlement, EntitlementGuard } from '@app/modules/subscriptions/entitlements/requires-entitlement';
import { Reflector } from '@nestjs/core';
import { ExecutionContext } from '@nestjs/common';
import type { TestApp } from '../../support/test-app';
import { deliver, paymentsOf, simulatorSecret, startAppWithEnv, subscriptionsOf } from './support';

jest.setTimeout(60_000);

describe('Without a Stripe key, the payment simulator runs checkout through the real webhook handler', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startAppWithEnv({});
  });
  afterAll(() => api.close());

  it('a parent upgrades on the test-mode page and the plan becomes active', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    expect(checkout.status).toBe(201);
    expect(checkout.body.mode).toBe('simulator');
    expect(checkout.body.url).toBe(
      `http://localhost:4200/billing/simulator?session=${encodeURIComponent(checkout.body.sessionId)}`,
    );

    const page = await api.http().get(`/api/subscription/simulator/${checkout.body.sessionId}`).set(parent.auth);
    expect(page.body).toMatchObject({ planName: 'Plus', amountPence: 499, trialDays: 14, testMode: true });

    const other = await api.given.signedIn(Role.Parent);
    expect(
      (await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(other.auth)).status,
    ).toBe(404);

    const paid = await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(parent.auth);
    expect(paid.status).toBe(200);
    expect(paid.body.redirectUrl).toMatch(/^http:\/\/localhost:4200\/billing\/success\?session_id=cs_sim_/);
    expect((await api.http().get('/api/check-subscription').set(parent.auth)).body).toEqual({
      active: true,
      status: 'trialing',
      planKey: 'parent_plus',
    });
    expect((await api.http().get('/api/subscription/current').set(parent.auth)).body.entitlements).toContain(
      'conversations.start',
    );
    expect((await paymentsOf(api.dataSource, parent.user.id)).map((p) => p.amountPence)).toEqual([0]);

    // Paying the same session twice does nothing more.
    expect(
      (await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(parent.auth)).status,
    ).toBe(409);
    expect(await subscriptionsOf(api.dataSource, parent.user.id)).toHaveLength(1);
  });

  it('declining changes nothing and leads back to the cancel page', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(minder.auth)
      .send({ planKey: 'childminder_pro', interval: 'year' });
    const declined = await api
      .http()
      .post(`/api/subscription/simulator/${checkout.body.sessionId}/decline`)
      .set(minder.auth);
    expect(declined.body).toEqual({ outcome: 'declined', redirectUrl: 'http://localhost:4200/billing/cancelled' });
    expect((await api.http().get('/api/check-subscription').set(minder.auth)).body.active).toBe(false);
    // Same signature, yearly changed to monthly: the id no longer verifies.
    const id = checkout.body.sessionId as string;
    const forged = `${id.slice(0, 40)}${id[40] === 'y' ? 'm' : 'y'}${id.slice(41)}`;
    expect(forged).not.toBe(id);
    expect((await api.http().post(`/api/subscription/simulator/${forged}/pay`).set(minder.auth)).status).toBe(404);
  });

  it('plan change, cancel and refund in the simulator all arrive as signed events', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(parent.auth);
    const preview = await api
      .http()
      .post('/api/subscription/update')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year', preview: true });
    expect(preview.body).toMatchObject({ preview: true, amountDuePence: expect.any(Number) });
    const changed = await api
      .http()
      .post('/api/subscription/update')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'year' });
    expect(changed.body).toMatchObject({ interval: 'year' });
    const cancelled = await api.http().post('/api/subscription/cancel').set(parent.auth).send({});
    expect(cancelled.body).toMatchObject({ cancelAtPeriodEnd: true, status: 'trialing' });
  });

  it('events built by hand and shuffled leave the newest state (compared by `created`)', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const secret = simulatorSecret(api);
    const base = {
      id: `sub_sim_shuffle_${parent.user.id.slice(0, 8)}`,
      object: 'subscription',
      customer: `cus_sim_shuffle_${parent.user.id.slice(0, 8)}`,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      trial_end: null,
      default_payment_method: 'pm_sim_card_visa',
      metadata: { userId: parent.user.id },
      items: {
        data: [
          {
            id: 'si_1',
            price: { id: 'price_sim_parent_plus_month' },
            current_period_end: Math.floor(Date.now() / 1000) + 30 * 86400,
          },
        ],
      },
    };
    const t = Math.floor(Date.now() / 1000) - 100;
    const events = [
      { type: 'customer.subscription.created', created: t, object: { ...base, status: 'incomplete' } },
      { type: 'customer.subscription.updated', created: t + 10, object: { ...base, status: 'active' } },
      {
        type: 'customer.subscription.updated',
        created: t + 20,
        object: { ...base, status: 'active', cancel_at_period_end: true },
      },
      {
        type: 'customer.subscription.deleted',
        created: t + 30,
        object: { ...base, status: 'canceled', cancel_at_period_end: true, canceled_at: t + 20, ended_at: t + 30 },
      },
    ];
    for (const index of [2, 3, 0, 1]) {
      const event = events[index]!;
      const payload = JSON.stringify({
        id: `evt_shuffle_${index}_${parent.user.id}`,
        object: 'event',
        created: event.created,
        type: event.type,
        data: { object: event.object },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      expect((await deliver(api, { payload, signature })).status).toBe(200);
    }
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    expect(row).toMatchObject({ status: 'canceled', cancelAtPeriodEnd: true, lastEventCreated: t + 30 });
  });

  it('@RequiresEntitlement refuses a Free parent with 402 naming Plus, and lets a Plus parent through', async () => {
    class Probe {
      @RequiresEntitlement('conversations.start')
      startConversation() {}
    }
    const guard = api.app.get(EntitlementGuard);
    const contextFor = (user: { userId: string; role: Role }) =>
      ({
        getHandler: () => Probe.prototype.startConversation,
        getClass: () => Probe,
        switchToHttp: () => ({ getRequest: () => ({ user }) }),
      }) as unknown as ExecutionContext;
    expect(api.app.get(Reflector)).toBeDefined();

    const parent = await api.given.signedIn(Role.Parent);
    const refused = await guard
      .canActivate(contextFor({ userId: parent.user.id, role: Role.Parent }))
      .catch((e: unknown) => e);
    const body = new GlobalExceptionFilter().toBody(refused, 'req');
    expect(body).toMatchObject({
      statusCode: 402,
      code: 'ENTITLEMENT_REQUIRED',
      message: 'This needs the Plus plan. Upgrade to Plus to unlock it.',
    });

    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    await api.http().post(`/api/subscription/simulator/${checkout.body.sessionId}/pay`).set(parent.auth);
    await expect(guard.canActivate(contextFor({ userId: parent.user.id, role: Role.Parent }))).resolves.toBe(true);

    const minder = await api.given.childminder();
    const minderRefused = await guard
      .canActivate(contextFor({ userId: minder.user.id, role: Role.Childminder }))
      .catch((e: unknown) => e);
    expect(new GlobalExceptionFilter().toBody(minderRefused, 'r').message).toBe(
      'This needs the Plus plan. Upgrade to Plus to unlock it.',
    );
  });
});
