import { Role } from '@app/common/auth/role';
import { ActivityType } from '@app/modules/activity/activity-type';
import { User } from '@app/modules/users/entities/user.entity';
import { uniqueEmail } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';

describe('Registering an account', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a parent registers, confirms their email from the link, signs in and sees themselves', async () => {
    const email = uniqueEmail('priya');
    const registered = await api.http().post('/api/auth/register').send({
      acceptPrivacyNotice: true,
      email: email.toUpperCase(),
      password: 'a long family password',
      firstName: 'Priya',
      lastName: 'Shah',
      role: 'parent',
      postcode: 'sw1a1aa',
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({
      email,
      role: 'parent',
      emailVerified: false,
      twoFactorEnabled: false,
    });
    expect(registered.body.user).not.toHaveProperty('passwordHash');

    const beforeVerifying = await api
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'a long family password' });
    expect(beforeVerifying.status).toBe(403);
    expect(beforeVerifying.body.code).toBe('EMAIL_NOT_VERIFIED');

    const email1 = await api.outbox.latest(email, 'verify-email');
    expect(email1.subject).toBe('Confirm your email address');
    const token = Outbox.tokenFrom(email1, '/verify-email');
    const verified = await api.http().post('/api/auth/verify-email').send({ token });
    expect(verified.status).toBe(200);

    const login = await api.http().post('/api/auth/login').send({ email, password: 'a long family password' });
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBe(900);
    const me = await api.http().get('/api/users/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, firstName: 'Priya', role: Role.Parent, emailVerified: true });

    const activity = await api
      .http()
      .get('/api/user/activity')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(activity.body.items.map((a: { type: string }) => a.type)).toEqual([
      ActivityType.LoginSucceeded,
      ActivityType.EmailVerified,
      ActivityType.Registered,
    ]);

    const again = await api.http().post('/api/auth/verify-email').send({ token });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });

  it('refuses role escalation, unknown fields and a taken email, naming the field', async () => {
    const base = {
      email: uniqueEmail(),
      password: 'a long family password',
      firstName: 'A',
      lastName: 'B',
      acceptPrivacyNotice: true,
    };
    const admin = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, role: 'admin' });
    expect(admin.status).toBe(400);
    expect(admin.body.details).toEqual([{ field: 'role', message: 'role must be parent or childminder' }]);

    expect(await api.dataSource.getRepository(User).countBy({ email: base.email })).toBe(0);
    expect(await api.outbox.to(base.email)).toHaveLength(0);

    const sneaky = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, role: 'parent', emailVerified: true, id: 'x' });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['emailVerified', 'id']);
    expect(sneaky.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(sneaky.body.requestId).toEqual(expect.any(String));

    const first = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, role: 'parent' });
    expect(first.status).toBe(201);
    const second = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, email: base.email.toUpperCase(), role: 'childminder' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EMAIL_TAKEN');
  });

  it('applies the password policy: too short and breached passwords are refused', async () => {
    const base = { email: uniqueEmail(), firstName: 'A', lastName: 'B', role: 'parent', acceptPrivacyNotice: true };
    const short = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0]).toEqual({
      field: 'password',
      message: 'password must be at least 10 characters long',
    });
    const breached = await api
      .http()
      .post('/api/auth/register')
      .send({ ...base, password: 'qwertyuiop' });
    expect(breached.status).toBe(400);
    expect(breached.body.message).toMatch(/breached/);
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await api
      .http()
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/not valid JSON/) });
  });
});
