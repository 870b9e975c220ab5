import { Role } from '@app/common/auth/role';
import { AuthSession } from '@app/modules/auth/entities/auth-session.entity';
import { User } from '@app/modules/users/entities/user.entity';
import { uniqueEmail } from '../factories/given';
import { Account, call, LiveClients, registerAndSignIn } from './support/clients';
import { eventually } from './support/processes';
import { Cluster } from './support/cluster';

const SETTINGS = '/api/admin/security-settings';

/**
 * Security settings and suspensions across two app processes sharing MariaDB and Redis: an admin
 * acts on instance one and the very next request on instance two obeys it, with no restart and
 * no waiting (each instance caches the session check for under a second; the change empties
 * that cache everywhere through Redis).
 */
describe('Admin changes made on one instance apply on the other at once', () => {
  const cluster = new Cluster();
  let admin: Account;

  beforeAll(async () => {
    await cluster.start();
    const { one, dataSource } = cluster.require();
    const registered = await registerAndSignIn(one.baseUrl, dataSource, 'parent', 'Ada');
    await dataSource.getRepository(User).update({ id: registered.id }, { role: Role.Admin });
    const login = await call<{ accessToken: string }>(one.baseUrl, 'POST', '/api/auth/login', {
      body: { email: registered.email, password: 'a long cluster password' },
    });
    admin = {
      ...registered,
      accessToken: login.body.accessToken,
      auth: { Authorization: `Bearer ${login.body.accessToken}` },
    };
  }, 240_000);
  afterAll(() => cluster.stop());

  const change = async (settings: Record<string, unknown>) => {
    const { one } = cluster.require();
    const response = await call<Record<string, unknown>>(one.baseUrl, 'PATCH', SETTINGS, {
      headers: admin.auth,
      body: settings,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject(settings);
  };

  it('a longer minimum password length refuses the next registration on instance two', async () => {
    const { two } = cluster.require();
    const register = () =>
      call<{ code?: string }>(two.baseUrl, 'POST', '/api/auth/register', {
        body: {
          email: uniqueEmail('cluster-pw'),
          password: 'fourteen chars',
          firstName: 'Pat',
          lastName: 'Word',
          role: 'parent',
          acceptPrivacyNotice: true,
        },
      });
    await change({ passwordMinLength: 16 });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('WEAK_PASSWORD');
    await change({ passwordMinLength: 10 });
    expect((await register()).status).toBe(201);
  });

  it('a shorter session lifetime ends a session on instance two at its next request, though it was just in use there', async () => {
    const { two, dataSource } = cluster.require();
    const parent = await registerAndSignIn(two.baseUrl, dataSource, 'parent', 'Olu');
    // Signed in three days ago, written as the clock would have left it.
    await dataSource
      .getRepository(AuthSession)
      .update({ userId: parent.id }, { createdAt: new Date(Date.now() - 3 * 24 * 3600_000) });
    const profile = () => call(two.baseUrl, 'GET', '/api/user/profile', { headers: parent.auth });
    // In use on instance two (its session check now cached there)...
    expect((await profile()).status).toBe(200);
    expect((await profile()).status).toBe(200);
    // ...when the admin on instance one shortens the lifetime.
    await change({ sessionAbsoluteLifetimeDays: 2 });
    expect((await profile()).status).toBe(401);
    const [session] = await dataSource.getRepository(AuthSession).find({ where: { userId: parent.id } });
    expect(session).toMatchObject({ revokedReason: 'session_expired' });
    await change({ sessionAbsoluteLifetimeDays: 90 });
  });

  it('a suspension made on instance one ends the user’s session and socket on instance two at once', async () => {
    const { one, two, dataSource } = cluster.require();
    const parent = await registerAndSignIn(two.baseUrl, dataSource, 'parent', 'Sus');
    const live = await LiveClients.connect(two.baseUrl, parent);
    let socketGone = false;
    live.socket.on('disconnect', () => (socketGone = true));
    try {
      const profile = () => call(two.baseUrl, 'GET', '/api/user/profile', { headers: parent.auth });
      expect((await profile()).status).toBe(200);

      const suspended = await call<{ status: string }>(one.baseUrl, 'PATCH', `/api/admin/users/${parent.id}`, {
        headers: admin.auth,
        body: { status: 'suspended', reason: 'cluster story' },
      });
      expect(suspended.status).toBe(200);
      expect(suspended.body.status).toBe('suspended');
      expect((await profile()).status).toBe(401);
      await eventually('the socket on instance two to be disconnected', () => (socketGone ? true : undefined));
      const signIn = await call<{ code?: string }>(two.baseUrl, 'POST', '/api/auth/login', {
        body: { email: parent.email, password: 'a long cluster password' },
      });
      expect(signIn.status).toBeGreaterThanOrEqual(400);
    } finally {
      live.close();
    }
  });

  it('a lower lockout threshold locks an account on instance two after that many failures', async () => {
    const { two, dataSource } = cluster.require();
    const parent = await registerAndSignIn(two.baseUrl, dataSource, 'parent', 'Lock');
    await change({ lockoutThreshold: 3 });
    for (let i = 0; i < 3; i++) {
      const failed = await call(two.baseUrl, 'POST', '/api/auth/login', {
        body: { email: parent.email, password: 'not the password at all' },
      });
      expect(failed.status).toBe(401);
    }
    const locked = await call<{ code?: string }>(two.baseUrl, 'POST', '/api/auth/login', {
      body: { email: parent.email, password: 'a long cluster password' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    await change({ lockoutThreshold: 5 });
  });
});
