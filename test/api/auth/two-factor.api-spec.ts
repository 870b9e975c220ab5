import { generate } from 'otplib';
import { Role } from '@app/common/auth/role';
import { ActivityType } from '@app/modules/activity/activity-type';
import { User } from '@app/modules/users/entities/user.entity';
import { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

/** The code an authenticator app shows `steps` periods from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('Two-factor authentication', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  async function enable(user: SignedInUser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await api.http().post('/api/user/2fa/setup').set(user.auth);
    expect(setup.status).toBe(200);
    const { secret } = setup.body;
    const enabled = await api
      .http()
      .post('/api/user/2fa/verify')
      .set(user.auth)
      .send({ code: await codeAt(secret) });
    expect(enabled.status).toBe(200);
    return { secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  it('a childminder turns it on with a QR code and a first code, then signs in with a code', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    expect((await api.http().get('/api/user/2fa/status').set(minder.auth)).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });
    const setup = await api.http().post('/api/user/2fa/setup').set(minder.auth);
    expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.otpauthUrl).toContain('issuer=Childminder%20Connect');
    // Not on until a code proves the app has the secret.
    expect((await api.http().get('/api/user/2fa/status').set(minder.auth)).body.enabled).toBe(false);
    const stored = await api.dataSource.getRepository(User).findOneByOrFail({ id: minder.user.id });
    expect(stored.twoFactorSecretEncrypted).not.toContain(setup.body.secret);

    const wrong = await api.http().post('/api/user/2fa/verify').set(minder.auth).send({ code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'code', message: expect.any(String) }]);

    const firstCode = await codeAt(setup.body.secret);
    const enabled = await api.http().post('/api/user/2fa/verify').set(minder.auth).send({ code: firstCode });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
    expect((await api.http().get('/api/user/2fa/status').set(minder.auth)).body).toMatchObject({
      enabled: true,
      recoveryCodesRemaining: 10,
    });
    expect((await api.outbox.latest(minder.email)).template).toBe('two-factor-enabled');

    const login = await api.http().post('/api/auth/login').send({ email: minder.email, password: minder.password });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ twoFactorRequired: true, challengeToken: expect.any(String) });
    expect(login.headers['set-cookie']).toBeUndefined();

    // The code that turned 2FA on was already used: replaying it is refused.
    const replay = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken: login.body.challengeToken, code: firstCode });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_TWO_FACTOR_CODE');

    const nextCode = await codeAt(setup.body.secret, 1);
    const second = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken: login.body.challengeToken, code: nextCode });
    expect(second.status).toBe(200);
    expect(second.body.user.twoFactorEnabled).toBe(true);
    expect(String(second.headers['set-cookie'])).toMatch(/cmc_refresh=/);

    const again = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken: login.body.challengeToken, code: nextCode });
    expect(again.status).toBe(401);
  });

  it('a recovery code signs in once, and the challenge alone is worth nothing', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { recoveryCodes } = await enable(parent);
    const login = await api.http().post('/api/auth/login').send({ email: parent.email, password: parent.password });
    const challengeToken = login.body.challengeToken;

    expect((await api.http().get('/api/users/me').set('Authorization', `Bearer ${challengeToken}`)).status).toBe(401);

    const withRecovery = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken, recoveryCode: recoveryCodes[3]!.toUpperCase() });
    expect(withRecovery.status).toBe(200);
    const reused = await api
      .http()
      .post('/api/auth/login/2fa')
      .send({ challengeToken, recoveryCode: recoveryCodes[3] });
    expect(reused.status).toBe(401);
    const status = await api.http().get('/api/user/2fa/status').set(parent.auth);
    expect(status.body.recoveryCodesRemaining).toBe(9);
    const activity = await api.http().get('/api/user/activity').set(parent.auth);
    expect(activity.body.items.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining([ActivityType.TwoFactorEnabled, ActivityType.RecoveryCodeUsed]),
    );
  });

  it('turning it off needs a current code or the password', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    await enable(parent);
    const nothing = await api.http().post('/api/user/2fa/disable').set(parent.auth).send({});
    expect(nothing.status).toBe(400);
    const wrongPassword = await api
      .http()
      .post('/api/user/2fa/disable')
      .set(parent.auth)
      .send({ password: 'not the password' });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
    const off = await api.http().post('/api/user/2fa/disable').set(parent.auth).send({ password: parent.password });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ enabled: false });
    expect((await api.outbox.latest(parent.email)).template).toBe('two-factor-disabled');
    const login = await api.http().post('/api/auth/login').send({ email: parent.email, password: parent.password });
    expect(login.body.accessToken).toEqual(expect.any(String));
  });

  it('can be turned off with a code from the app', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const { secret } = await enable(parent);
    const off = await api
      .http()
      .post('/api/user/2fa/disable')
      .set(parent.auth)
      .send({ code: await codeAt(secret, 1) });
    expect(off.status).toBe(200);
    expect((await api.http().post('/api/user/2fa/setup').set(parent.auth)).status).toBe(200);
  });
});
