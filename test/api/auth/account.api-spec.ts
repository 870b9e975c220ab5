import { Role } from '@app/common/auth/role';
import { ActivityType } from '@app/modules/activity/activity-type';
import { User } from '@app/modules/users/entities/user.entity';
import { startTestApp, TestApp } from '../../support/test-app';

describe('Managing my account', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a parent updates their name, phone and postcode, and can clear them again', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const updated = await api
      .http()
      .patch('/api/user/profile')
      .set(parent.auth)
      .send({ firstName: '  Amara ', phone: '07700 900123', postcode: 'm202ls' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      firstName: 'Amara',
      displayName: 'Amara parent',
      phone: '07700 900123',
      postcode: 'M20 2LS',
    });
    const cleared = await api.http().patch('/api/user/profile').set(parent.auth).send({ phone: null, postcode: null });
    expect(cleared.body).toMatchObject({ phone: null, postcode: null, firstName: 'Amara' });
    expect((await api.http().get('/api/user/profile').set(parent.auth)).body.firstName).toBe('Amara');

    // Each change is in the account's activity, newest first.
    const activity = await api.http().get('/api/user/activity').set(parent.auth);
    expect(activity.body.items.map((a: { type: string }) => a.type).slice(0, 2)).toEqual([
      ActivityType.ProfileUpdated,
      ActivityType.ProfileUpdated,
    ]);
  });

  it('refuses unknown fields, role escalation and bad values, naming each field', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const escalate = await api
      .http()
      .patch('/api/user/profile')
      .set(parent.auth)
      .send({ role: 'admin', email: 'x@example.com' });
    expect(escalate.status).toBe(400);
    expect(escalate.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'role']);
    const bad = await api
      .http()
      .patch('/api/user/profile')
      .set(parent.auth)
      .send({ postcode: 'NOT A CODE', firstName: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['firstName', 'postcode']);
    const stored = await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id });
    expect(stored.role).toBe(Role.Parent);
  });

  it('changing the password needs the current one and signs out other devices', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const otherDevice = await api.given.login(parent.email, parent.password);
    const wrong = await api
      .http()
      .patch('/api/user/password')
      .set(parent.auth)
      .send({ currentPassword: 'not my password', newPassword: 'a new long passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    const breached = await api
      .http()
      .patch('/api/user/password')
      .set(parent.auth)
      .send({ currentPassword: parent.password, newPassword: '1234567890' });
    expect(breached.status).toBe(400);
    expect(breached.body.details[0].field).toBe('newPassword');

    const changed = await api
      .http()
      .patch('/api/user/password')
      .set(parent.auth)
      .send({ currentPassword: parent.password, newPassword: 'a new long passphrase' });
    expect(changed.status).toBe(200);
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(200);
    expect((await api.http().get('/api/users/me').set(otherDevice.auth)).status).toBe(401);
    expect((await api.outbox.latest(parent.email)).template).toBe('password-changed');

    const activity = await api.http().get('/api/user/activity?pageSize=2').set(parent.auth);
    expect(activity.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(activity.body.items.map((a: { type: string }) => a.type)).toEqual([
      ActivityType.PasswordChanged,
      ActivityType.LoginSucceeded,
    ]);
  });

  it('activity pages are bounded and validated', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const tooBig = await api.http().get('/api/user/activity?pageSize=500').set(parent.auth);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details[0].field).toBe('pageSize');
    const notANumber = await api.http().get('/api/user/activity?page=abc').set(parent.auth);
    expect(notANumber.status).toBe(400);
  });

  it('support agents and admins set their chat status; parents cannot', async () => {
    const agent = await api.given.signedIn(Role.SupportAgent);
    expect((await api.http().get('/api/auth/chat-status').set(agent.auth)).body).toEqual({ status: 'offline' });
    const set = await api.http().patch('/api/auth/chat-status').set(agent.auth).send({ status: 'available' });
    expect(set.body).toEqual({ status: 'available' });
    expect((await api.http().get('/api/auth/chat-status').set(agent.auth)).body).toEqual({ status: 'available' });
    const invalid = await api.http().patch('/api/auth/chat-status').set(agent.auth).send({ status: 'asleep' });
    expect(invalid.status).toBe(400);

    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get('/api/auth/chat-status').set(parent.auth)).status).toBe(403);
  });
});
