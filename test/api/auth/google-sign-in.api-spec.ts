import { randomInt } from 'node:crypto';
import { generate } from 'otplib';
import { Role } from '@app/common/auth/role';
import { GoogleIdentity } from '@app/modules/auth/entities/google-identity.entity';
import { GooglePendingSignIn } from '@app/modules/auth/entities/google-pending-sign-in.entity';
import { GoogleSignInState } from '@app/modules/auth/entities/google-sign-in-state.entity';
import { SETTING_DEFAULTS } from '@app/modules/settings/settings.registry';
import { SettingsService } from '@app/modules/settings/settings.service';
import { User } from '@app/modules/users/entities/user.entity';
import { FakeGoogleAccount, GoogleFake } from '../../fakes/google-fake';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(90_000);

const GOOGLE = '/api/auth/google';
const APP = 'http://localhost:4200';

/** A cookie the product set, as the browser sends it back (`name=value`), or undefined. */
function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith(`${name}=`) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c));
  return cookie?.split(';')[0];
}

/** The `#name=value` of the address the callback sent the browser to. */
function fragmentOf(location: string): URLSearchParams {
  return new URLSearchParams(new URL(location).hash.slice(1));
}

interface Round {
  /** Where (the fake) Google sent the browser back: path and query. */
  callbackPath: string;
  /** The state cookie set when the person pressed "Sign in with Google". */
  cookie: string;
}

describe('Sign in with Google', () => {
  let api: TestApp;
  let google: GoogleFake;

  beforeAll(async () => {
    google = await GoogleFake.start();
    // Behind a proxy, so the rate-limit story can come from an address of its own.
    api = await startTestApp({ ...google.env(), TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await api?.close();
    await google?.close();
  });

  /** The person presses "Sign in with Google" and chooses `account` on Google's screen. */
  async function chooseOnGoogle(account: FakeGoogleAccount): Promise<Round> {
    google.consentAs = account;
    const started = await api.http().get(GOOGLE);
    expect(started.status).toBe(302);
    const location = new URL(String(started.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${google.url}/o/oauth2/v2/auth`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('scope')).toBe('openid email profile');
    const cookie = cookieFrom(started.headers['set-cookie'], 'cmc_google_state');
    if (!cookie) throw new Error('No state cookie was set');
    const consent = await fetch(location, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    return { callbackPath: `${back.pathname}${back.search}`, cookie };
  }

  const callback = (round: Round, cookie: string | undefined = round.cookie) => {
    const request = api.http().get(round.callbackPath);
    return cookie ? request.set('Cookie', cookie) : request;
  };

  /** Through Google and back to the app's next step; returns the pending token. */
  async function pendingFor(account: FakeGoogleAccount): Promise<string> {
    const back = await callback(await chooseOnGoogle(account));
    expect(back.status).toBe(302);
    const token = fragmentOf(String(back.headers.location)).get('pending');
    if (!token) throw new Error(`No pending step: ${back.headers.location}`);
    return token;
  }

  const identityOf = (userId: string) => api.dataSource.getRepository(GoogleIdentity).findOneBy({ userId });

  it('says Google sign-in is offered', async () => {
    const providers = await api.http().get('/api/auth/providers');
    expect(providers.status).toBe(200);
    expect(providers.body).toEqual({ google: true });
  });

  it('a new person chooses parent and gets a confirmed account, signed in like a password sign-in', async () => {
    const account = GoogleFake.account('nina', { name: 'Nina Okafor' });
    const back = await callback(await chooseOnGoogle(account));
    expect(back.status).toBe(302);
    expect(String(back.headers.location)).toMatch(new RegExp(`^${APP}/login/google#pending=`));
    const token = fragmentOf(String(back.headers.location)).get('pending')!;
    expect(await api.dataSource.getRepository(User).countBy({ email: account.email })).toBe(0);

    const pending = await api.http().post(`${GOOGLE}/pending`).send({ token });
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual({ step: 'choose_role', email: account.email, firstName: 'Nina', lastName: 'Okafor' });

    // As on the registration form, no account without agreeing to the privacy notice.
    const noConsent = await api.http().post(`${GOOGLE}/register`).send({ token, role: 'parent' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'acceptPrivacyNotice' })]),
    );
    expect(await api.dataSource.getRepository(User).countBy({ email: account.email })).toBe(0);

    const created = await api
      .http()
      .post(`${GOOGLE}/register`)
      .send({ token, role: 'parent', acceptPrivacyNotice: true });
    expect(created.status).toBe(201);
    expect(created.body.accessToken).toEqual(expect.any(String));
    expect(created.body.user).toMatchObject({
      email: account.email,
      role: 'parent',
      firstName: 'Nina',
      lastName: 'Okafor',
      emailVerified: true,
    });
    const refreshCookie = cookieFrom(created.headers['set-cookie'], 'cmc_refresh');
    expect(refreshCookie).toBeDefined();
    const row = await api.dataSource.getRepository(User).findOneByOrFail({ email: account.email });
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(row.privacyConsentAt).not.toBeNull();
    expect(row.privacyNoticeVersion).toEqual(expect.any(String));
    expect(await identityOf(row.id)).toMatchObject({ googleSub: account.sub, googleEmail: account.email });

    // The same session mechanics as a password sign-in: the refresh cookie restores the session.
    const refreshed = await api.http().post('/api/auth/refresh').set('Cookie', refreshCookie!);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(row.id);
    const me = await api.http().get('/api/users/me').set('Authorization', `Bearer ${created.body.accessToken}`);
    expect(me.body).toMatchObject({ id: row.id, role: 'parent' });

    // The pending step works once.
    const again = await api
      .http()
      .post(`${GOOGLE}/register`)
      .send({ token, role: 'parent', acceptPrivacyNotice: true });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
    expect(await api.dataSource.getRepository(User).countBy({ email: account.email })).toBe(1);

    // Next time Google signs her straight in.
    const next = await callback(await chooseOnGoogle(account));
    expect(next.status).toBe(302);
    expect(next.headers.location).toBe(`${APP}/login/google#signed-in`);
    const nextCookie = cookieFrom(next.headers['set-cookie'], 'cmc_refresh');
    const restored = await api.http().post('/api/auth/refresh').set('Cookie', nextCookie!);
    expect(restored.status).toBe(200);
    expect(restored.body.user).toMatchObject({ id: row.id, role: 'parent' });
  });

  it('refuses a callback whose state is not this browser’s, and a replayed one', async () => {
    const mine = await chooseOnGoogle(GoogleFake.account('hana'));
    const other = await chooseOnGoogle(GoogleFake.account('mallory'));

    // Another sign-in's answer brought to this browser (login CSRF): refused with a clear page.
    const mismatch = await callback(other, mine.cookie);
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers['content-type']).toMatch(/text\/html/);
    expect(mismatch.text).toContain('This Google sign-in is not valid');
    expect((await callback(mine, '')).status).toBe(400);
    // A cookie whose signature does not hold is no cookie.
    const forged = `${mine.cookie.slice(0, -4)}AAAA`;
    expect((await callback(mine, forged)).text).toContain('This Google sign-in is not valid');

    const first = await callback(mine);
    expect(first.status).toBe(302);
    expect(String(first.headers.location)).toContain('/login/google#pending=');

    const replay = await callback(mine);
    expect(replay.status).toBe(400);
    expect(replay.headers['content-type']).toMatch(/text\/html/);
    expect(replay.text).toContain('This Google sign-in has already been used');
  });

  it('sends a person who turned Google down back to the sign-in page', async () => {
    const round = await chooseOnGoogle(GoogleFake.account('undecided'));
    const state = new URL(round.callbackPath, APP).searchParams.get('state')!;
    const back = await api
      .http()
      .get(`${GOOGLE}/callback?error=access_denied&state=${encodeURIComponent(state)}`)
      .set('Cookie', round.cookie);
    expect(back.status).toBe(302);
    expect(back.headers.location).toBe(`${APP}/login?google=cancelled`);
  });

  it('refuses an expired state', async () => {
    const round = await chooseOnGoogle(GoogleFake.account('late'));
    await api.dataSource
      .getRepository(GoogleSignInState)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where('usedAt IS NULL')
      .execute();
    const late = await callback(round);
    expect(late.status).toBe(400);
    expect(late.text).toContain('This Google sign-in has expired');
  });

  it('refuses an ID token meant for another app, from another issuer or for another sign-in', async () => {
    for (const [overrides, why] of [
      [{ aud: 'another-app.apps.googleusercontent.com' }, 'audience'],
      [{ iss: 'https://accounts.example.test' }, 'issuer'],
      [{ nonce: 'another-sign-in' }, 'nonce'],
    ] as const) {
      const account = GoogleFake.account(`forged-${why}`);
      const round = await chooseOnGoogle(account);
      google.idTokenOverrides = overrides;
      const back = await callback(round);
      expect({ why, status: back.status }).toEqual({ why, status: 400 });
      expect(back.text).toContain('could not be verified');
      expect(await api.dataSource.getRepository(GooglePendingSignIn).countBy({ googleSub: account.sub })).toBe(0);
    }
  });

  it('refuses a Google account whose email Google has not verified', async () => {
    const account = GoogleFake.account('unverified', { emailVerified: false });
    const back = await callback(await chooseOnGoogle(account));
    expect(back.status).toBe(400);
    expect(back.headers['content-type']).toMatch(/text\/html/);
    expect(back.text).toContain('Google has not confirmed this email address');
    expect(await api.dataSource.getRepository(User).countBy({ email: account.email })).toBe(0);
    expect(await api.dataSource.getRepository(GooglePendingSignIn).countBy({ googleSub: account.sub })).toBe(0);
  });

  it('links an existing account only after its password, then signs it in with Google', async () => {
    const owner = await api.given.user({ role: Role.Childminder, verified: false });
    const account = GoogleFake.account('owner', { email: owner.email });
    const token = await pendingFor(account);

    const pending = await api.http().post(`${GOOGLE}/pending`).send({ token });
    expect(pending.body).toMatchObject({ step: 'link', email: owner.email });
    // Creating a second account for the address is not an option.
    const register = await api
      .http()
      .post(`${GOOGLE}/register`)
      .send({ token, role: 'parent', acceptPrivacyNotice: true });
    expect(register.status).toBe(409);

    const wrong = await api.http().post(`${GOOGLE}/link`).send({ token, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(cookieFrom(wrong.headers['set-cookie'], 'cmc_refresh')).toBeUndefined();
    expect(await identityOf(owner.user.id)).toBeNull();

    const linked = await api.http().post(`${GOOGLE}/link`).send({ token, password: owner.password });
    expect(linked.status).toBe(200);
    expect(linked.body.user).toMatchObject({ id: owner.user.id, role: 'childminder', emailVerified: true });
    expect(cookieFrom(linked.headers['set-cookie'], 'cmc_refresh')).toBeDefined();
    expect(await identityOf(owner.user.id)).toMatchObject({ googleSub: account.sub });

    const next = await callback(await chooseOnGoogle(account));
    expect(next.headers.location).toBe(`${APP}/login/google#signed-in`);
    const restored = await api
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', cookieFrom(next.headers['set-cookie'], 'cmc_refresh')!);
    expect(restored.body.user.id).toBe(owner.user.id);

    // "Download my data" names the linked Google account; deleting the account removes the link.
    const auth = { Authorization: `Bearer ${restored.body.accessToken}` };
    const archive = await api.http().get('/api/user/data-export').set(auth);
    expect(archive.body.sections.googleSignIn).toMatchObject({
      googleAccountId: account.sub,
      googleEmail: owner.email,
    });
    expect(
      (await api.http().post('/api/user/delete-account').set(auth).send({ password: owner.password })).status,
    ).toBe(204);
    expect(await api.dataSource.getRepository(GoogleIdentity).countBy({ googleSub: account.sub })).toBe(0);
  });

  it('links an account with two-factor authentication on only with its code too; Google never skips the code', async () => {
    const owner = await api.given.signedIn(Role.Parent);
    const setup = await api.http().post('/api/user/2fa/setup').set(owner.auth);
    const secret = setup.body.secret as string;
    const enabled = await api
      .http()
      .post('/api/user/2fa/verify')
      .set(owner.auth)
      .send({ code: await generate({ secret }) });
    expect(enabled.status).toBe(200);
    const recoveryCodes = enabled.body.recoveryCodes as string[];
    const account = GoogleFake.account('careful', { email: owner.email });
    const token = await pendingFor(account);

    const passwordOnly = await api.http().post(`${GOOGLE}/link`).send({ token, password: owner.password });
    expect(passwordOnly.status).toBe(401);
    expect(passwordOnly.body.code).toBe('TWO_FACTOR_REQUIRED');
    const wrongCode = await api
      .http()
      .post(`${GOOGLE}/link`)
      .send({ token, password: owner.password, recoveryCode: 'aaaa-bbbb-cc' });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect(await identityOf(owner.user.id)).toBeNull();

    const linked = await api
      .http()
      .post(`${GOOGLE}/link`)
      .send({ token, password: owner.password, recoveryCode: recoveryCodes[0] });
    expect(linked.status).toBe(200);
    expect(await identityOf(owner.user.id)).toMatchObject({ googleSub: account.sub });

    // Signing in with Google later still asks for the second factor.
    const next = await callback(await chooseOnGoogle(account));
    expect(next.status).toBe(302);
    expect(cookieFrom(next.headers['set-cookie'], 'cmc_refresh')).toBeUndefined();
    const challengeToken = fragmentOf(String(next.headers.location)).get('challenge');
    expect(challengeToken).toBeTruthy();
    const second = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken, recoveryCode: recoveryCodes[1] });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(owner.user.id);
  });

  it('never creates, links or signs in staff', async () => {
    // No role but parent or childminder can be chosen.
    const wouldBeAdmin = GoogleFake.account('would-be-admin');
    const token = await pendingFor(wouldBeAdmin);
    for (const role of ['admin', 'super_admin', 'support_agent']) {
      const refused = await api.http().post(`${GOOGLE}/register`).send({ token, role, acceptPrivacyNotice: true });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
    }
    const stillPending = await api.http().post(`${GOOGLE}/pending`).send({ token });
    expect(stillPending.status).toBe(200);
    expect(await api.dataSource.getRepository(User).countBy({ email: wouldBeAdmin.email })).toBe(0);

    // A Google account with a staff member's address goes no further than the callback.
    for (const role of [Role.Admin, Role.SupportAgent, Role.SuperAdmin]) {
      const staff = await api.given.user({ role });
      const account = GoogleFake.account('staff', { email: staff.email });
      const back = await callback(await chooseOnGoogle(account));
      expect(back.status).toBe(403);
      expect(back.text).toContain('Staff accounts cannot sign in with Google');
      expect(await api.dataSource.getRepository(GooglePendingSignIn).countBy({ googleSub: account.sub })).toBe(0);
      expect(await identityOf(staff.user.id)).toBeNull();
    }
  });

  it('an account made with Google cannot unlink it until it has a password; then Google no longer signs it in', async () => {
    const account = GoogleFake.account('unlinker', { name: 'Uma Link' });
    const token = await pendingFor(account);
    const created = await api
      .http()
      .post(`${GOOGLE}/register`)
      .send({ token, role: 'childminder', acceptPrivacyNotice: true });
    expect(created.status).toBe(201);
    const userId = created.body.user.id as string;
    const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });

    const status = await api.http().get(`${GOOGLE}/link`).set(bearer(created.body.accessToken));
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ configured: true, linked: true, googleEmail: account.email, canUnlink: false });
    // Unlinking now would leave her no way in: refused, and she is told to set a password first.
    const refused = await api.http().delete(`${GOOGLE}/link`).set(bearer(created.body.accessToken));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SET_PASSWORD_FIRST');
    expect(await identityOf(userId)).not.toBeNull();

    // She sets a password with "Forgotten your password?" and signs in with it.
    await api.http().post('/api/auth/forgot-password').send({ email: account.email });
    const resetToken = Outbox.tokenFrom(await api.outbox.latest(account.email, 'password-reset'), '/reset-password');
    const password = 'a passphrase of her own';
    expect((await api.http().post('/api/auth/reset-password').send({ token: resetToken, password })).status).toBe(200);
    const signedIn = await api.http().post('/api/auth/login').send({ email: account.email, password });
    expect(signedIn.status).toBe(200);
    const auth = bearer(signedIn.body.accessToken);
    expect((await api.http().get(`${GOOGLE}/link`).set(auth)).body).toMatchObject({ linked: true, canUnlink: true });

    expect((await api.http().delete(`${GOOGLE}/link`).set(auth)).status).toBe(204);
    expect(await identityOf(userId)).toBeNull();
    expect((await api.http().get(`${GOOGLE}/link`).set(auth)).body).toMatchObject({ linked: false, googleEmail: null });
    const activity = await api.http().get('/api/user/activity').set(auth);
    expect(JSON.stringify(activity.body)).toContain('security.google_unlinked');
    const again = await api.http().delete(`${GOOGLE}/link`).set(auth);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('GOOGLE_NOT_LINKED');

    // Google now leads to "give your password to link", not straight in.
    const next = await callback(await chooseOnGoogle(account));
    expect(next.status).toBe(302);
    expect(fragmentOf(String(next.headers.location)).get('pending')).toEqual(expect.any(String));
    expect(cookieFrom(next.headers['set-cookie'], 'cmc_refresh')).toBeUndefined();
    expect((await api.http().delete(`${GOOGLE}/link`)).status).toBe(401);
  });

  it('one IP address starting or finishing Google sign-ins past its hourly allowance gets 429 JSON with Retry-After', async () => {
    const settings = api.app.get(SettingsService);
    const ip = `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    await settings.set('auth.googleSignIn.perIpPerHour', 3, null);
    try {
      for (let i = 0; i < 3; i++) {
        expect((await api.http().get(GOOGLE).set('X-Forwarded-For', ip)).status).toBe(302);
      }
      for (const path of [GOOGLE, `${GOOGLE}/callback?code=x&state=y`]) {
        const refused = await api.http().get(path).set('X-Forwarded-For', ip);
        expect(refused.status).toBe(429);
        expect(refused.headers['content-type']).toMatch(/application\/json/);
        expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Another address is not affected.
      expect(
        (
          await api
            .http()
            .get(GOOGLE)
            .set('X-Forwarded-For', `203.0.113.${randomInt(1, 255)}`)
        ).status,
      ).toBe(302);
    } finally {
      // The database is shared with later test files.
      await settings.set('auth.googleSignIn.perIpPerHour', 100_000, null);
    }
    expect(SETTING_DEFAULTS['auth.googleSignIn.perIpPerHour']).toBeGreaterThan(3);
  });
});

describe('Sign in with Google on a server without Google configured', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('offers no Google button and answers the Google routes with a clear refusal', async () => {
    expect((await api.http().get('/api/auth/providers')).body).toEqual({ google: false });
    const start = await api.http().get(GOOGLE);
    expect(start.status).toBe(503);
    expect(start.headers['content-type']).toMatch(/text\/html/);
    expect(start.text).toContain('Sign in with Google is not set up');
    const register = await api
      .http()
      .post(`${GOOGLE}/register`)
      .send({ token: 'a'.repeat(43), role: 'parent', acceptPrivacyNotice: true });
    expect(register.status).toBe(503);
    expect(register.body.code).toBe('GOOGLE_NOT_CONFIGURED');
  });
});
