import { AccountToken, AccountTokenPurpose } from '@app/modules/auth/entities/account-token.entity';
import { User } from '@app/modules/users/entities/user.entity';
import { uniqueEmail } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';

describe('Resetting a forgotten password', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('gives the same answer for known and unknown addresses, and emails only the real one', async () => {
    const { email } = await api.given.parent();
    const known = await api.http().post('/api/auth/forgot-password').send({ email });
    const unknownAddress = uniqueEmail('nobody');
    const unknown = await api.http().post('/api/auth/forgot-password').send({ email: unknownAddress });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await api.outbox.to(unknownAddress)).toHaveLength(0);
    const reset = await api.outbox.latest(email, 'password-reset');
    expect(reset.subject).toBe('Reset your password');
    expect(reset.text).toContain('http://localhost:4200/reset-password?token=');
  });

  it('the link works once, signs out every device, and the new password signs in', async () => {
    const parent = await api.given.signedIn();
    await api.http().post('/api/auth/forgot-password').send({ email: parent.email });
    const token = Outbox.tokenFrom(await api.outbox.latest(parent.email, 'password-reset'), '/reset-password');

    const weak = await api.http().post('/api/auth/reset-password').send({ token, password: 'password1' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].field).toBe('password');

    const done = await api.http().post('/api/auth/reset-password').send({ token, password: 'a brand new passphrase' });
    expect(done.status).toBe(200);
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie)).status).toBe(401);
    expect(
      (await api.http().post('/api/auth/login').send({ email: parent.email, password: parent.password })).status,
    ).toBe(401);
    expect(
      (await api.http().post('/api/auth/login').send({ email: parent.email, password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);
    expect((await api.outbox.latest(parent.email)).template).toBe('password-changed');

    const again = await api.http().post('/api/auth/reset-password').send({ token, password: 'another new passphrase' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });

  it('an expired link is refused', async () => {
    const { email } = await api.given.parent();
    await api.http().post('/api/auth/forgot-password').send({ email });
    const token = Outbox.tokenFrom(await api.outbox.latest(email, 'password-reset'), '/reset-password');
    const owner = await api.dataSource.getRepository(User).findOneByOrFail({ email });
    await api.dataSource
      .getRepository(AccountToken)
      .update(
        { userId: owner.id, purpose: AccountTokenPurpose.PasswordReset },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const late = await api.http().post('/api/auth/reset-password').send({ token, password: 'a brand new passphrase' });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('INVALID_TOKEN');
  });

  it('a second request voids the first link', async () => {
    const { email } = await api.given.parent();
    await api.http().post('/api/auth/forgot-password').send({ email });
    const first = Outbox.tokenFrom(await api.outbox.latest(email, 'password-reset'), '/reset-password');
    await api.http().post('/api/auth/forgot-password').send({ email });
    const second = Outbox.tokenFrom(await api.outbox.latest(email, 'password-reset'), '/reset-password');
    expect(
      (await api.http().post('/api/auth/reset-password').send({ token: first, password: 'a brand new passphrase' }))
        .status,
    ).toBe(400);
    expect(
      (await api.http().post('/api/auth/reset-password').send({ token: second, password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);
  });
});
