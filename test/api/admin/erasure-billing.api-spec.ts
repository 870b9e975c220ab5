import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { SubscriptionStatus } from '@app/modules/subscriptions/entities/subscription.entity';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { StripeFake } from '../../fakes/stripe-fake';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';
import { deliver, startWithStripeFake, subscriptionsOf } from '../subscriptions/support';

jest.setTimeout(60_000);

const USERS = '/api/admin/users';

/**
 * Erasing someone who pays: their subscription is cancelled with Stripe (through the SDK, here
 * against the fake Stripe) before anything of theirs is removed, so an erased account is never
 * charged again; when Stripe cannot be reached, nothing is erased and the admin is told why.
 */
describe('Erasing a paying user cancels their Stripe subscription first', () => {
  let api: TestApp;
  let stripe: StripeFake;
  let admin: SignedInUser;

  beforeAll(async () => {
    ({ api, stripe } = await startWithStripeFake());
    admin = await api.given.signedIn(Role.Admin);
  });
  afterEach(() => {
    stripe.failing = null;
  });
  afterAll(async () => {
    await api.close();
    await stripe.stop();
  });

  /** A parent who bought Plus through Stripe Checkout, the subscription live on both sides. */
  async function payingParent() {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    expect(checkout.status).toBe(201);
    const { subscription, invoice } = stripe.completeCheckout(checkout.body.sessionId);
    await deliver(api, stripe.sign(stripe.event('customer.subscription.created', subscription))).expect(200);
    await deliver(api, stripe.sign(stripe.event('invoice.paid', invoice))).expect(200);
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    expect(row?.status).toMatch(/^(active|trialing)$/);
    return { parent, stripeId: subscription.id as string };
  }

  const cancellations = (stripeId: string) =>
    stripe.requests.filter((r) => r.method === 'DELETE' && r.path === `/v1/subscriptions/${stripeId}`);

  it('an admin erases a paying parent: Stripe cancels the subscription now and the account is erased', async () => {
    const { parent, stripeId } = await payingParent();
    const erased = await api.http().delete(`${USERS}/${parent.user.id}`).set(admin.auth);
    expect(erased.status).toBe(204);

    expect(cancellations(stripeId)).toHaveLength(1);
    expect(stripe.subscriptions.get(stripeId)).toMatchObject({ status: 'canceled' });
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    // The accounting record stays (anonymised account), showing it ended.
    expect(row).toMatchObject({ status: SubscriptionStatus.Canceled, stripeSubscriptionId: stripeId });
    const user = await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id });
    expect(user.status).toBe(UserStatus.Erased);
    expect(user.email).not.toBe(parent.email);
  });

  it('a subscription already deleted at Stripe (404 resource_missing) counts as cancelled: the erasure goes ahead', async () => {
    const { parent, stripeId } = await payingParent();
    // Someone deleted it in Stripe's dashboard; no webhook reached us.
    stripe.subscriptions.delete(stripeId);

    const erased = await api.http().delete(`${USERS}/${parent.user.id}`).set(admin.auth);
    expect(erased.status).toBe(204);
    expect(cancellations(stripeId)).toHaveLength(1);
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    expect(row).toMatchObject({ status: SubscriptionStatus.Canceled, stripeSubscriptionId: stripeId });
    expect(row?.canceledAt).toBeInstanceOf(Date);
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).status).toBe(
      UserStatus.Erased,
    );
  });

  it('when Stripe fails, nothing is erased, the admin is told so, and a later attempt succeeds', async () => {
    const { parent, stripeId } = await payingParent();
    stripe.failing = { method: 'DELETE', path: /^\/v1\/subscriptions\// };

    const refused = await api.http().delete(`${USERS}/${parent.user.id}`).set(admin.auth);
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('SUBSCRIPTION_CANCEL_BEFORE_ERASURE_FAILED');
    expect(refused.body.message).toContain('not erased');
    expect(cancellations(stripeId).length).toBeGreaterThanOrEqual(1);

    // Everything is as it was: the account, its sign-in, its plan here and at Stripe.
    const user = await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id });
    expect(user).toMatchObject({ status: UserStatus.Active, email: parent.user.email });
    expect((await api.http().get('/api/user/profile').set(parent.auth)).status).toBe(200);
    const [row] = await subscriptionsOf(api.dataSource, parent.user.id);
    expect(row?.status).not.toBe(SubscriptionStatus.Canceled);
    expect(stripe.subscriptions.get(stripeId)?.status).not.toBe('canceled');
    const erasures = () =>
      api.dataSource
        .getRepository(AuditEntry)
        .count({ where: { action: 'admin.user.erase', subjectId: parent.user.id } });
    expect(await erasures()).toBe(0);

    stripe.failing = null;
    expect((await api.http().delete(`${USERS}/${parent.user.id}`).set(admin.auth)).status).toBe(204);
    expect(stripe.subscriptions.get(stripeId)).toMatchObject({ status: 'canceled' });
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).status).toBe(
      UserStatus.Erased,
    );
    expect(await erasures()).toBe(1);
  });

  it('"Delete my account" cancels the subscription too, and is refused with nothing removed when Stripe fails', async () => {
    const { parent, stripeId } = await payingParent();
    stripe.failing = { method: 'DELETE', path: /^\/v1\/subscriptions\// };
    const refused = await api
      .http()
      .post('/api/user/delete-account')
      .set(parent.auth)
      .send({ password: parent.password });
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('SUBSCRIPTION_CANCEL_BEFORE_ERASURE_FAILED');
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).status).toBe(
      UserStatus.Active,
    );

    stripe.failing = null;
    const deleted = await api
      .http()
      .post('/api/user/delete-account')
      .set(parent.auth)
      .send({ password: parent.password });
    expect(deleted.status).toBe(204);
    expect(stripe.subscriptions.get(stripeId)).toMatchObject({ status: 'canceled' });
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).status).toBe(
      UserStatus.Erased,
    );
  });
});
