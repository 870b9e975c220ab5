import { Role } from '@app/common/auth/role';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

const SWITCH = '/api/system/maintenance';

describe('Maintenance mode: non-admins get 503 with the message, admins carry on and turn it off', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let parent: SignedInUser;
  let agent: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
    parent = await api.given.signedIn(Role.Parent);
    agent = await api.given.signedIn(Role.SupportAgent);
  });
  afterAll(async () => {
    await api?.http().patch(SWITCH).set(admin.auth).send({ enabled: false });
    await api?.close();
  });

  it('an admin turns it on with a message: parents, agents and visitors are refused with it, health and admins are not', async () => {
    const expectedEndAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 20 * 60_000).toISOString();
    const refused = await api.http().patch(SWITCH).set(parent.auth).send({ enabled: true });
    expect(refused.status).toBe(403);

    const on = await api
      .http()
      .patch(SWITCH)
      .set(admin.auth)
      .send({ enabled: true, message: 'Upgrading the database, back by 3pm', expectedEndAt });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true, message: 'Upgrading the database, back by 3pm', expectedEndAt });

    for (const who of [parent, agent]) {
      const response = await api.http().get('/api/users/me').set(who.auth);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'MAINTENANCE', message: 'Upgrading the database, back by 3pm' });
      const retryAfter = Number(response.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(60);
      expect(retryAfter).toBeLessThanOrEqual(20 * 60);
    }
    const visitor = await api.http().get('/api/childminders');
    expect(visitor.status).toBe(503);
    expect(visitor.body.code).toBe('MAINTENANCE');

    // What stays open: health, the switch itself, and signing in (so an admin can get back in).
    expect((await api.http().get('/api/health')).status).toBe(200);
    expect((await api.http().get(SWITCH)).body).toMatchObject({ enabled: true });
    const adminAgain = await api.given.login(admin.email, admin.password);
    expect((await api.http().get('/api/users/me').set(adminAgain.auth)).status).toBe(200);
    expect((await api.http().get('/api/admin/backup-recovery/history').set(admin.auth)).status).toBe(200);

    const off = await api.http().patch(SWITCH).set(admin.auth).send({ enabled: false });
    expect(off.body.enabled).toBe(false);
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(200);
  });
});
