import { Role } from '@app/common/auth/role';
import { ConfigurationError } from '@app/config/environment';
import { DEMO_ACCOUNTS } from '@app/demo/demo-data';
import { User } from '@app/modules/users/entities/user.entity';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

/** What production needs and nothing else: the two shared secrets. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a production signing secret of at least 32 characters',
  ENCRYPTION_KEY: 'cd'.repeat(32),
};

/**
 * NODE_ENV=production is never a demo, whatever the database (this file runs on MariaDB and on
 * SQLite): no demo logins, no listed demo passwords, no payment simulator, and without Stripe keys
 * paid plans cannot be bought at all rather than given away.
 */
describe('Production mode is never a demo', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp(PRODUCTION);
  });
  afterAll(() => api?.close());

  it('refuses to start with DEMO_DATA=true, naming the variable and why', async () => {
    const failure = await startTestApp({ ...PRODUCTION, DEMO_DATA: 'true' }).then(
      async (app) => {
        await app.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigurationError);
    expect((failure as ConfigurationError).problems).toEqual([
      expect.stringMatching(/^DEMO_DATA: must not be true when NODE_ENV=production \(demo data adds accounts/),
    ]);
  });

  it('lists no demo accounts (404) and lets no demo login in', async () => {
    expect(api.config.demoData).toBe(false);
    const listed = await api.http().get('/api/auth/demo-accounts');
    expect(listed.status).toBe(404);
    expect(JSON.stringify(listed.body)).not.toContain('Demo-');

    for (const account of DEMO_ACCOUNTS) {
      const login = await api.http().post('/api/auth/login').send({ email: account.email, password: account.password });
      expect(login.status).toBe(401);
      expect(login.body.accessToken).toBeUndefined();
    }
    const demoRows = await api.dataSource
      .getRepository(User)
      .countBy(DEMO_ACCOUNTS.map((account) => ({ email: account.email })));
    expect(demoRows).toBe(0);
  });

  it('has no payment simulator: its routes do not exist, even for a signed-in parent', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const session = 'cs_sim_0123456789abcdef0123456789abcdef0m0141abcdef_abcdefghijklmnopqrstuv';
    for (const [method, path] of [
      ['get', `/api/subscription/simulator/${session}`],
      ['post', `/api/subscription/simulator/${session}/pay`],
      ['post', `/api/subscription/simulator/${session}/decline`],
    ] as const) {
      const response = await api.http()[method](path).set(parent.auth);
      expect(response.status).toBe(404);
      // Not the simulator saying "no such session": there is no such route.
      expect(response.body.code).not.toBe('CHECKOUT_SESSION_NOT_FOUND');
    }
    const docs = await api.http().get('/api/docs-json');
    if (docs.status === 200) expect(Object.keys(docs.body.paths).join(' ')).not.toContain('simulator');
  });

  it('without Stripe keys, checkout answers 503 with a code, the pricing page can tell, and nothing is written', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const checkout = await api
      .http()
      .post('/api/create-checkout-session')
      .set(parent.auth)
      .send({ planKey: 'parent_plus', interval: 'month' });
    expect(checkout.status).toBe(503);
    expect(checkout.body).toMatchObject({ statusCode: 503, code: 'PAYMENTS_NOT_SET_UP' });
    expect(checkout.body.message).toMatch(/Payments are not set up/);

    const current = await api.http().get('/api/check-subscription').set(parent.auth);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ active: false, status: 'free' });

    const payments = await api.http().get('/api/subscription/payments');
    expect(payments.status).toBe(200);
    expect(payments.body).toEqual({ mode: 'not_set_up' });
  });

  it('admins read which settings are missing before paid plans can be sold', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const setup = await api.http().get('/api/admin/subscriptions/setup').set(admin.auth);
    expect(setup.status).toBe(200);
    expect(setup.body.mode).toBe('not_set_up');
    expect(setup.body.missingSettings).toEqual(expect.arrayContaining(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']));

    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get('/api/admin/subscriptions/setup').set(parent.auth)).status).toBe(403);
  });
});

describe('Outside production without Stripe keys, the simulator takes test payments', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  it('the pricing page and the admin notice say test mode', async () => {
    expect((await api.http().get('/api/subscription/payments')).body).toEqual({ mode: 'simulator' });
    const admin = await api.given.signedIn(Role.Admin);
    const setup = await api.http().get('/api/admin/subscriptions/setup').set(admin.auth);
    expect(setup.body).toMatchObject({
      mode: 'simulator',
      missingSettings: expect.arrayContaining(['STRIPE_SECRET_KEY']),
    });
  });
});
