import { randomInt } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { Role } from '@app/common/auth/role';
import { SettingKey } from '@app/modules/settings/settings.registry';
import { SettingsService } from '@app/modules/settings/settings.service';
import { uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

/** A documentation-range address no other story uses: its counters start at zero. */
const freshIp = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

const cookieNamed = (headers: Record<string, unknown>, name: string) =>
  ([] as string[])
    .concat((headers['set-cookie'] as string[] | string | undefined) ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

const credentials = (user: { email: string; password: string }) => ({ email: user.email, password: user.password });

describe('Nobody can flood a mailbox or lock others out', () => {
  let api: TestApp;
  let settings: SettingsService;
  const changed: SettingKey[] = [];

  beforeAll(async () => {
    // Behind a proxy, so each story can come from an address of its own.
    api = await startTestApp({ TRUST_PROXY: 'true' });
    settings = api.app.get(SettingsService);
  });
  afterEach(async () => {
    // Put back what a story tuned (the database is shared with later test files).
    const { SETTING_DEFAULTS } = await import('@app/modules/settings/settings.registry');
    for (const key of changed.splice(0)) await settings.set(key, SETTING_DEFAULTS[key] as never, null);
    await settings.set('auth.ipThrottle.maxFailures', 100_000, null);
    await settings.set('auth.emailRequests.perIpPerHour', 100_000, null);
  });
  afterAll(() => api.close());

  async function tune(key: SettingKey, value: number) {
    changed.push(key);
    await settings.set(key, value as never, null);
  }

  describe.each([
    ['forgot-password', '/api/auth/forgot-password', 'password-reset', {}],
    ['verify-email/resend', '/api/auth/verify-email/resend', 'verify-email', { verified: false }],
  ])('%s', (_name, path, template, userOptions) => {
    it('25 requests for one address send at most three emails, with the same answer as for an unknown address', async () => {
      const { email } = await api.given.parent(userOptions);
      const before = (await api.outbox.to(email)).length;
      const ip = freshIp();
      const answers = [];
      for (let i = 0; i < 25; i++) {
        answers.push(await api.http().post(path).set('X-Forwarded-For', ip).send({ email }));
      }
      const unknown = await api
        .http()
        .post(path)
        .set('X-Forwarded-For', ip)
        .send({ email: uniqueEmail('nobody') });
      expect(answers.map((a) => a.status)).toEqual(Array(25).fill(202));
      expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toEqual(new Set([JSON.stringify(unknown.body)]));
      const sent = (await api.outbox.to(email)).filter((e) => e.template === template);
      expect(sent.length - before).toBe(3);
    });

    it('one IP address gets 429 with Retry-After past its allowance, whether the addresses exist or not', async () => {
      await tune('auth.emailRequests.perIpPerHour', 4);
      const ip = freshIp();
      const { email } = await api.given.parent(userOptions);
      for (const address of [email, uniqueEmail(), uniqueEmail(), uniqueEmail()]) {
        expect((await api.http().post(path).set('X-Forwarded-For', ip).send({ email: address })).status).toBe(202);
      }
      const refused = await api.http().post(path).set('X-Forwarded-For', ip).send({ email });
      const refusedUnknown = await api.http().post(path).set('X-Forwarded-For', ip).send({ email: uniqueEmail() });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refusedUnknown.status).toBe(429);
      expect(refusedUnknown.body.message).toBe(refused.body.message);
      // Another address is not affected.
      expect((await api.http().post(path).set('X-Forwarded-For', freshIp()).send({ email })).status).toBe(202);
    });
  });

  it('behind a busy shared address, a device that signed in before still gets in; new devices are slowed, not refused', async () => {
    await tune('auth.ipThrottle.slowDownSeconds', 0);
    await settings.set('auth.ipThrottle.maxFailures', 3, null);
    const nursery = freshIp();
    const mum = await api.given.parent();
    const first = await api.http().post('/api/auth/login').set('X-Forwarded-For', nursery).send(credentials(mum));
    expect(first.status).toBe(200);
    const device = cookieNamed(first.headers, 'cmc_device');
    expect(device).toBeDefined();
    expect(String(first.headers['set-cookie'])).toMatch(/cmc_device=[^;]+;.*HttpOnly/i);

    // Someone on the same connection guesses at other accounts until the address is exhausted.
    for (let i = 0; i < 3; i++) {
      const guess = { email: uniqueEmail('victim'), password: `guess number ${i}` };
      expect((await api.http().post('/api/auth/login').set('X-Forwarded-For', nursery).send(guess)).status).toBe(401);
    }

    const again = await api
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', nursery)
      .set('Cookie', device!)
      .send(credentials(mum));
    expect(again.status).toBe(200);
    const dad = await api.given.parent();
    const newDevice = await api.http().post('/api/auth/login').set('X-Forwarded-For', nursery).send(credentials(dad));
    expect(newDevice.status).toBe(200);
    const wrong = await api
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', nursery)
      .send({ email: dad.email, password: 'still guessing here' });
    expect(wrong.status).toBe(401);
  });

  it('a locked account refuses unknown devices but lets its owner’s device in; a forged device cookie counts for nothing', async () => {
    const owner = await api.given.childminder();
    const home = freshIp();
    const signedIn = await api.http().post('/api/auth/login').set('X-Forwarded-For', home).send(credentials(owner));
    const device = cookieNamed(signedIn.headers, 'cmc_device')!;

    const attacker = freshIp();
    for (let i = 0; i < 5; i++) {
      await api
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', attacker)
        .send({ email: owner.email, password: `guess ${i} of many` });
    }
    const locked = await api.http().post('/api/auth/login').set('X-Forwarded-For', attacker).send(credentials(owner));
    expect(locked.status).toBe(429);

    const [name, value] = device.split('=');
    const forged = `${name}=${value!.slice(0, -2)}xx`;
    const withForged = await api
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', attacker)
      .set('Cookie', forged)
      .send(credentials(owner));
    expect(withForged.status).toBe(429);
    const otherUsersDevice = await api
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', home)
      .send(credentials(await api.given.parent()));
    const borrowed = cookieNamed(otherUsersDevice.headers, 'cmc_device')!;
    expect(
      (
        await api
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', home)
          .set('Cookie', borrowed)
          .send(credentials(owner))
      ).status,
    ).toBe(429);

    const owners = await api
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', home)
      .set('Cookie', device)
      .send(credentials(owner));
    expect(owners.status).toBe(200);
    expect(owners.body.user.email).toBe(owner.email);
  });

  describe('logging out always ends the session', () => {
    it('with only the refresh cookie', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const logout = await api.http().post('/api/auth/logout').set('Cookie', parent.refreshCookie);
      expect(logout.status).toBe(204);
      expect(String(logout.headers['set-cookie'])).toMatch(/cmc_refresh=;/);
      expect((await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie)).status).toBe(401);
      expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(401);
    });

    it('with an access token that has expired', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const claims = JSON.parse(Buffer.from(parent.accessToken.split('.')[1]!, 'base64url').toString());
      const expired = sign({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 1800 }, api.config.auth.jwtSecret, {
        algorithm: 'HS256',
      });
      const logout = await api.http().post('/api/auth/logout').set('Authorization', `Bearer ${expired}`);
      expect(logout.status).toBe(204);
      expect((await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie)).status).toBe(401);
    });

    it('with nothing, or a forged token, it answers 204 and ends nobody’s session', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const claims = JSON.parse(Buffer.from(parent.accessToken.split('.')[1]!, 'base64url').toString());
      const forged = sign(claims, 'a different secret that is long enough to sign', { algorithm: 'HS256' });
      expect((await api.http().post('/api/auth/logout')).status).toBe(204);
      expect((await api.http().post('/api/auth/logout').set('Authorization', `Bearer ${forged}`)).status).toBe(204);
      expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(200);
    });
  });
});
