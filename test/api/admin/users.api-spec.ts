import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { In, Not } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { uniqueEmail } from '../../factories/given';
import { Outbox } from '../../support/outbox';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

const USERS = '/api/admin/users';

describe('Admins manage users', () => {
  let api: TestApp;
  let base: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => api.close());

  const auditOf = (subjectId: string) =>
    api.dataSource.getRepository(AuditEntry).find({ where: { subjectId }, order: { createdAt: 'ASC' } });

  it('an admin finds a parent by name and postcode, filters the list and opens their page', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const parent = await api.given.parent({ firstName: 'Oriel', lastName: 'Fairweather', postcode: 'LS6 2AB' });
    await api.given.parent({ firstName: 'Oriel', lastName: 'Someone', verified: false });

    const byName = await api.http().get(`${USERS}/search`).query({ q: 'oriel fair' }).set(admin.auth);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([parent.user.id]);

    const byPostcode = await api.http().get(`${USERS}/search`).query({ q: 'ls6 2ab' }).set(admin.auth);
    expect(byPostcode.body.items.map((u: { id: string }) => u.id)).toContain(parent.user.id);

    const unverified = await api.http().get(USERS).query({ q: 'oriel', verified: 'false' }).set(admin.auth);
    expect(unverified.body.items).toHaveLength(1);
    expect(unverified.body.items[0]).toMatchObject({ lastName: 'Someone', emailVerified: false });
    expect(unverified.body.items[0]).not.toHaveProperty('passwordHash');

    const detail = await api.http().get(`${USERS}/${parent.user.id}`).set(admin.auth);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      user: { id: parent.user.id, postcode: 'LS6 2AB', status: 'active' },
      sessions: [],
      subscription: null,
      // No support module provides tickets yet: not available, not an error.
      openTickets: null,
    });

    const missing = await api.http().get(`${USERS}/00000000-0000-4000-8000-000000000000`).set(admin.auth);
    expect(missing.status).toBe(404);
  });

  it('suspending a signed-in user ends their socket and session at once, blocks sign-in, and is audited', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const parent = await api.given.signedIn(Role.Parent);
    const socket = io(base, {
      path: '/api/socketio',
      transports: ['websocket'],
      auth: { token: parent.accessToken },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('ready', () => resolve());
      socket.on('connect_error', reject);
    });
    const ended = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));

    const suspended = await api
      .http()
      .patch(`${USERS}/${parent.user.id}`)
      .set(admin.auth)
      .send({ status: 'suspended', reason: 'Reported for abuse' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');

    expect(await ended).toBe('io server disconnect');
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(401);
    const refreshed = await api.http().post('/api/auth/refresh').set('Cookie', parent.refreshCookie);
    expect(refreshed.status).toBe(401);
    const signIn = await api.http().post('/api/auth/login').send({ email: parent.email, password: parent.password });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe('ACCOUNT_SUSPENDED');

    const [entry] = await auditOf(parent.user.id);
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      actorRole: 'admin',
      action: 'admin.user.suspend',
      ownerId: parent.user.id,
      metadata: { oldStatus: 'active', newStatus: 'suspended', reason: 'Reported for abuse' },
    });
    expect(entry!.ip).toBeTruthy();
    expect(entry!.createdAt).toBeInstanceOf(Date);

    const reactivated = await api.http().patch(`${USERS}/${parent.user.id}`).set(admin.auth).send({ status: 'active' });
    expect(reactivated.body.status).toBe('active');
    expect(
      (await api.http().post('/api/auth/login').send({ email: parent.email, password: parent.password })).status,
    ).toBe(200);
  });

  it('an admin creates a support agent who chooses their password from the emailed link; admins cannot create admins', async () => {
    const admin = await api.given.signedIn(Role.Admin);
    const email = uniqueEmail('agent');
    const created = await api
      .http()
      .post(USERS)
      .set(admin.auth)
      .send({ email, firstName: 'Sol', lastName: 'Agent', role: 'support_agent' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'support_agent', emailVerified: true, status: 'active' });

    const welcome = await api.outbox.latest(email, 'account-created');
    const token = Outbox.tokenFrom(welcome, '/reset-password');
    const chosen = await api
      .http()
      .post('/api/auth/reset-password')
      .send({ token, password: 'a brand new agent password' });
    expect(chosen.status).toBe(200);
    expect(
      (await api.http().post('/api/auth/login').send({ email, password: 'a brand new agent password' })).status,
    ).toBe(200);

    const taken = await api
      .http()
      .post(USERS)
      .set(admin.auth)
      .send({ email, firstName: 'A', lastName: 'B', role: 'parent' });
    expect(taken.status).toBe(409);

    const adminByAdmin = await api
      .http()
      .post(USERS)
      .set(admin.auth)
      .send({ email: uniqueEmail('admin'), firstName: 'No', lastName: 'Way', role: 'admin' });
    expect(adminByAdmin.status).toBe(403);
    expect(adminByAdmin.body.code).toBe('SUPER_ADMIN_ONLY');

    const reset = await api.http().post(`${USERS}/${created.body.id}/reset-password`).set(admin.auth);
    expect(reset.status).toBe(200);
    expect((await api.outbox.latest(email, 'password-reset')).toAddress).toBe(email);
    expect((await auditOf(created.body.id)).map((e) => e.action)).toEqual([
      'admin.user.create',
      'admin.user.reset_password',
    ]);
  });

  describe('admin roles', () => {
    it('only a super admin makes admins; an admin cannot change another admin', async () => {
      const admin = await api.given.signedIn(Role.Admin);
      const superAdmin = await api.given.signedIn(Role.SuperAdmin);
      const agent = await api.given.signedIn(Role.SupportAgent);

      const byAdmin = await api.http().post('/api/admin/make-admin').set(admin.auth).send({ userId: agent.user.id });
      expect(byAdmin.status).toBe(403);
      const roleByAdmin = await api.http().patch(`${USERS}/${agent.user.id}`).set(admin.auth).send({ role: 'admin' });
      expect(roleByAdmin.body.code).toBe('SUPER_ADMIN_ONLY');

      const promoted = await api
        .http()
        .post('/api/admin/make-admin')
        .set(superAdmin.auth)
        .send({ userId: agent.user.id });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('admin');
      // The new role starts with a new sign-in: the old token (with the old role) no longer works.
      expect((await api.http().get('/api/users/me').set(agent.auth)).status).toBe(401);

      const suspendAdmin = await api
        .http()
        .patch(`${USERS}/${agent.user.id}`)
        .set(admin.auth)
        .send({ status: 'suspended' });
      expect(suspendAdmin.body.code).toBe('SUPER_ADMIN_ONLY');
      const own = await api.http().patch(`${USERS}/${admin.user.id}`).set(admin.auth).send({ status: 'suspended' });
      expect(own.body.code).toBe('OWN_ACCOUNT');
    });

    it('the last active super admin cannot be demoted, suspended or deleted, not even by themselves', async () => {
      const users = api.dataSource.getRepository(User);
      const last = await api.given.signedIn(Role.SuperAdmin);
      const admin = await api.given.signedIn(Role.Admin);
      // For this story `last` is the only active super admin; the others come back afterwards.
      const others = await users.find({
        where: { role: Role.SuperAdmin, status: UserStatus.Active, id: Not(last.user.id) },
      });
      const otherIds = others.map((u) => u.id).concat('none');
      await users.update({ id: In(otherIds) }, { status: UserStatus.Suspended });
      try {
        for (const change of [{ role: 'admin' }, { status: 'suspended' }]) {
          const byAdmin = await api.http().patch(`${USERS}/${last.user.id}`).set(admin.auth).send(change);
          expect(byAdmin.body.code).toBe('SUPER_ADMIN_ONLY');
          const bySelf = await api.http().patch(`${USERS}/${last.user.id}`).set(last.auth).send(change);
          expect(bySelf.body.code).toBe('OWN_ACCOUNT');
        }
        expect((await api.http().delete(`${USERS}/${last.user.id}`).set(admin.auth)).body.code).toBe(
          'SUPER_ADMIN_ONLY',
        );
        const ownDeletion = await api
          .http()
          .post('/api/user/delete-account')
          .set(last.auth)
          .send({ password: last.password });
        expect(ownDeletion.status).toBe(409);
        expect(ownDeletion.body.code).toBe('LAST_SUPER_ADMIN');
        expect((await users.findOneByOrFail({ id: last.user.id })).status).toBe(UserStatus.Active);
      } finally {
        await users.update({ id: In(otherIds) }, { status: UserStatus.Active });
      }
    });
  });
});
