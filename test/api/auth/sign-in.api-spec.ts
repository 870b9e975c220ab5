import { sign } from 'jsonwebtoken';
import { Role } from '@app/common/auth/role';
import { ActivityType } from '@app/modules/activity/activity-type';
import { SettingsService } from '@app/modules/settings/settings.service';
import { refreshCookieFrom, uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Signing in and staying signed in', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a wrong password is refused with 401 and shows on the owner’s activity page', async () => {
    const { email, password } = await api.given.parent();
    const wrong = await api.http().post('/api/auth/login').send({ email, password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email address or password is not correct',
    });
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const session = await api.given.login(email, password);
    const activity = await api.http().get('/api/user/activity').set(session.auth);
    expect(activity.body.items.map((a: { type: string }) => a.type)).toEqual([
      ActivityType.LoginSucceeded,
      ActivityType.LoginFailed,
    ]);
    expect(activity.body.items[0]).toMatchObject({ description: 'Signed in', ip: expect.any(String) });
  });

  it('after five failures the account answers 429 with Retry-After, the same for an unknown email', async () => {
    const { email, password } = await api.given.parent();
    for (let i = 0; i < 5; i++) {
      const attempt = await api
        .http()
        .post('/api/auth/login')
        .send({ email, password: `wrong password ${i}` });
      expect(attempt.status).toBe(401);
    }
    const locked = await api.http().post('/api/auth/login').send({ email, password });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);

    const nobody = uniqueEmail('nobody');
    for (let i = 0; i < 5; i++)
      await api.http().post('/api/auth/login').send({ email: nobody, password: 'whatever it is' });
    const lockedNobody = await api.http().post('/api/auth/login').send({ email: nobody, password: 'whatever it is' });
    expect(lockedNobody.status).toBe(429);
    expect(lockedNobody.body.message).toBe(locked.body.message);
  });

  it('the lockout threshold is a live setting', async () => {
    const settings = api.app.get(SettingsService);
    await settings.set('auth.lockout.maxFailures', 2, null);
    try {
      const { email, password } = await api.given.parent();
      await api.http().post('/api/auth/login').send({ email, password: 'wrong password one' });
      await api.http().post('/api/auth/login').send({ email, password: 'wrong password two' });
      const locked = await api.http().post('/api/auth/login').send({ email, password });
      expect(locked.status).toBe(429);
    } finally {
      await settings.set('auth.lockout.maxFailures', 5, null);
    }
  });

  it('the refresh token rotates on every use, and reusing an old one ends the whole session', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const first = await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie);
    expect(first.status).toBe(200);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/auth/);
    // Beside it, a hint the app's script may read, holding nothing secret.
    const hint = (first.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('cmc_session_hint='));
    expect(hint).toMatch(/^cmc_session_hint=1;/);
    expect(hint).not.toMatch(/HttpOnly/);
    expect(hint).toMatch(/Path=\/;/);
    const rotated = refreshCookieFrom(first.headers['set-cookie']);
    expect(rotated).not.toBe(parent.refreshCookie);

    const second = await api.http().post('/api/auth/refresh').set('Cookie', rotated);
    expect(second.status).toBe(200);
    const newest = refreshCookieFrom(second.headers['set-cookie']);

    // Someone replays the first cookie (stolen): the family is revoked, including the newest token.
    const replay = await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie);
    expect(replay.status).toBe(401);
    const afterTheft = await api.http().post('/api/auth/refresh').set('Cookie', newest);
    expect(afterTheft.status).toBe(401);
    const me = await api.http().get('/api/users/me').set('Authorization', `Bearer ${second.body.accessToken}`);
    expect(me.status).toBe(401);

    const other = await api.given.login(parent.email, parent.password);
    const activity = await api.http().get('/api/user/activity').set(other.auth);
    expect(activity.body.items.map((a: { type: string }) => a.type)).toContain(ActivityType.SessionRevoked);
  });

  it('after logout the refresh cookie and the access token stop working', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const session = await api.http().get('/api/auth/session').set(parent.auth);
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(parent.email);

    const logout = await api.http().post('/api/auth/logout').set(parent.auth);
    expect(logout.status).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/cmc_refresh=;/);
    expect(String(logout.headers['set-cookie'])).toMatch(/cmc_session_hint=;/);
    expect((await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie)).status).toBe(401);
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(401);
  });

  it('refuses forged, tampered and expired access tokens with 401', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const [header, payload] = parent.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());

    const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, role: 'admin' })}.`;
    const tampered = `${header}.${base64url({ ...claims, role: 'super_admin' })}.${parent.accessToken.split('.')[2]}`;
    const expired = sign({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 1800 }, api.config.auth.jwtSecret, {
      algorithm: 'HS256',
    });
    const wrongKey = sign({ ...claims }, 'a different secret that is long enough to sign', { algorithm: 'HS256' });
    for (const token of [none, tampered, expired, wrongKey, 'not-a-jwt']) {
      const response = await api.http().get('/api/users/me').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(200);
  });

  it('an account whose email is not confirmed cannot sign in, and can ask for a new link', async () => {
    const { email, password } = await api.given.parent({ verified: false });
    const login = await api.http().post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('EMAIL_NOT_VERIFIED');
    const resend = await api.http().post('/api/auth/verify-email/resend').send({ email });
    expect(resend.status).toBe(202);
    const unknown = await api.http().post('/api/auth/verify-email/resend').send({ email: uniqueEmail() });
    expect(unknown.body).toEqual(resend.body);
    expect((await api.outbox.to(email)).map((e) => e.template)).toEqual(['verify-email']);
  });
});
