import { Role } from '@app/common/auth/role';
import { AuthSession } from '@app/modules/auth/entities/auth-session.entity';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { ChatAssignment } from '@app/modules/chat/chat-assignment.service';
import { SettingsService } from '@app/modules/settings/settings.service';
import { uniqueEmail } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

const SETTINGS = '/api/admin/security-settings';

describe('Security settings take effect on the next request', () => {
  let api: TestApp;
  let initial: Record<string, unknown>;

  beforeAll(async () => {
    api = await startTestApp();
    const admin = await api.given.signedIn(Role.Admin);
    initial = (await api.http().get(SETTINGS).set(admin.auth)).body;
  });
  afterAll(async () => {
    // The database is shared by the run's stories: leave the settings as they were.
    const admin = await api.given.signedIn(Role.Admin);
    await api.http().patch(SETTINGS).set(admin.auth).send(initial).expect(200);
    await api.close();
  });

  it('a longer minimum password length refuses the next registration, and the change is audited', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    expect(initial).toMatchObject({
      passwordMinLength: 10,
      rejectBreachedPasswords: true,
      adminsRequireTwoFactor: false,
    });
    const register = (password: string) =>
      api
        .http()
        .post('/api/auth/register')
        .send({
          email: uniqueEmail('reg'),
          password,
          firstName: 'Rae',
          lastName: 'Gister',
          role: 'parent',
          acceptPrivacyNotice: true,
        });

    expect((await register('twelve chars')).status).toBe(201);
    const changed = await api.http().patch(SETTINGS).set(admin.auth).send({ passwordMinLength: 16 });
    expect(changed.status).toBe(200);
    expect(changed.body.passwordMinLength).toBe(16);

    const refused = await register('twelve chars');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('WEAK_PASSWORD');
    expect(refused.body.message).toContain('at least 16 characters');

    const entries = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { actorId: admin.user.id, action: 'admin.security_setting.update' } });
    expect(entries.map((e) => e.metadata)).toEqual([{ setting: 'passwordMinLength', oldValue: 10, newValue: 16 }]);
    await api.http().patch(SETTINGS).set(admin.auth).send({ passwordMinLength: 10 }).expect(200);
  });

  it('a lower lockout threshold locks an account after that many failed sign-ins', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    await api.http().patch(SETTINGS).set(admin.auth).send({ lockoutThreshold: 3 }).expect(200);
    const { email, password } = await api.given.parent();
    for (let i = 0; i < 3; i++) {
      expect((await api.http().post('/api/auth/login').send({ email, password: 'wrong password!' })).status).toBe(401);
    }
    const locked = await api.http().post('/api/auth/login').send({ email, password });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    await api.http().patch(SETTINGS).set(admin.auth).send({ lockoutThreshold: 5 }).expect(200);
  });

  it('"admins must use 2FA" sends an admin without it to set it up at sign-in', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    await api.http().patch(SETTINGS).set(admin.auth).send({ adminsRequireTwoFactor: true }).expect(200);
    const { email, password } = await api.given.user({ role: Role.Admin });
    const signIn = await api.http().post('/api/auth/login').send({ email, password });
    expect(signIn.status).toBe(200);
    expect(signIn.body.twoFactorSetupRequired).toBe(true);
    const parent = await api.given.parent();
    const parentSignIn = await api
      .http()
      .post('/api/auth/login')
      .send({ email: parent.email, password: parent.password });
    expect(parentSignIn.body.twoFactorSetupRequired).toBeUndefined();
    const settings = await api
      .http()
      .get('/api/admin/settings')
      .set({ Authorization: `Bearer ${signIn.body.accessToken}` });
    expect(settings.body).toMatchObject({ twoFactorEnabled: false, twoFactorRequired: true });
    await api.http().patch(SETTINGS).set(admin.auth).send({ adminsRequireTwoFactor: false }).expect(200);
  });

  it('a session idle for longer than the idle timeout cannot be refreshed', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const parent = await api.given.signedIn(Role.Parent);
    await api.http().patch(SETTINGS).set(admin.auth).send({ sessionIdleTimeoutMinutes: 5 }).expect(200);
    // Six minutes of idleness, written as the clock would have left it.
    await api.dataSource
      .getRepository(AuthSession)
      .update({ userId: parent.user.id }, { lastUsedAt: new Date(Date.now() - 6 * 60_000) });
    const refreshed = await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie);
    expect(refreshed.status).toBe(401);
    await api
      .http()
      .patch(SETTINGS)
      .set(admin.auth)
      .send({ sessionIdleTimeoutMinutes: initial.sessionIdleTimeoutMinutes })
      .expect(200);
  });

  it('a shorter session lifetime ends existing sessions at their next request, and they cannot be refreshed', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const old = await api.given.signedIn(Role.Parent);
    const sessions = api.dataSource.getRepository(AuthSession);
    // Signed in three days ago, written as the clock would have left it.
    await sessions.update({ userId: old.user.id }, { createdAt: new Date(Date.now() - 3 * 24 * 3600_000) });
    const profile = (who: { auth: Record<string, string> }) => api.http().get('/api/user/profile').set(who.auth);
    expect((await profile(old)).status).toBe(200);

    await api.http().patch(SETTINGS).set(admin.auth).send({ sessionAbsoluteLifetimeDays: 2 }).expect(200);
    const ended = await profile(old);
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('UNAUTHENTICATED');
    expect((await api.http().post('/api/auth/refresh').set('Cookie', old.refreshCookie)).status).toBe(401);
    expect(await sessions.findOneByOrFail({ userId: old.user.id })).toMatchObject({
      revokedReason: 'session_expired',
    });
    // A session younger than the new lifetime goes on.
    const recent = await api.given.signedIn(Role.Parent);
    expect((await profile(recent)).status).toBe(200);
    await api
      .http()
      .patch(SETTINGS)
      .set(admin.auth)
      .send({ sessionAbsoluteLifetimeDays: initial.sessionAbsoluteLifetimeDays })
      .expect(200);
  });

  it('a shorter idle timeout ends idle sessions at their next request; a session in use stays and is kept alive', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const idle = await api.given.signedIn(Role.Parent);
    const busy = await api.given.signedIn(Role.Parent);
    const sessions = api.dataSource.getRepository(AuthSession);
    await sessions.update({ userId: idle.user.id }, { lastUsedAt: new Date(Date.now() - 20 * 60_000) });
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await sessions.update({ userId: busy.user.id }, { lastUsedAt: twoMinutesAgo });
    const profile = (who: { auth: Record<string, string> }) => api.http().get('/api/user/profile').set(who.auth);
    // (No request from `idle` until the change: any use would count as activity.)
    await api.http().patch(SETTINGS).set(admin.auth).send({ sessionIdleTimeoutMinutes: 15 }).expect(200);
    expect((await profile(idle)).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').set('Cookie', idle.refreshCookie)).status).toBe(401);
    expect((await profile(busy)).status).toBe(200);
    // Its use was written down, so it counts from now, not from two minutes ago.
    const used = await sessions.findOneByOrFail({ userId: busy.user.id });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect(used.revokedAt).toBeNull();
    await api
      .http()
      .patch(SETTINGS)
      .set(admin.auth)
      .send({ sessionIdleTimeoutMinutes: initial.sessionIdleTimeoutMinutes })
      .expect(200);
  });

  it('the number of live chats per agent is set here and is what chat assignment uses next', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    expect(initial.chatAgentCapacity).toBe(3);
    const changed = await api.http().patch(SETTINGS).set(admin.auth).send({ chatAgentCapacity: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.chatAgentCapacity).toBe(1);
    expect(await api.app.get(ChatAssignment).capacity()).toBe(1);
    expect((await api.http().patch(SETTINGS).set(admin.auth).send({ chatAgentCapacity: 0 })).status).toBe(400);
    await api.http().patch(SETTINGS).set(admin.auth).send({ chatAgentCapacity: 3 }).expect(200);
  });

  it('refuses values outside the allowed bounds', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const response = await api
      .http()
      .patch(SETTINGS)
      .set(admin.auth)
      .send({ passwordMinLength: 4, lockoutThreshold: 'x' });
    expect(response.status).toBe(400);
    expect(await api.app.get(SettingsService).get('password.minLength')).toBe(10);
  });
});
