import { Role } from '@app/common/auth/role';
import type { SignedInUser } from '../../factories/given';
import { jpeg } from '../../fixtures/files';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

/**
 * POST /api/admin/profile-image: the photo becomes the admin's avatar, in their session (the
 * header shows it) and beside their replies to a requester's support ticket.
 */
describe('An admin’s profile photo is their avatar wherever staff appear', () => {
  let api: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin, { firstName: 'Aisha', lastName: 'Admin' });
  });
  afterAll(() => api.close());

  it('the uploaded photo shows in the admin’s session and on their ticket replies; a new one replaces it', async () => {
    const before = await api.http().get('/api/auth/session').set(admin.auth);
    expect(before.body.user.avatarUrl).toBeNull();

    const upload = await api
      .http()
      .post('/api/admin/profile-image')
      .set(admin.auth)
      .attach('file', await jpeg(400, 400), { filename: 'me.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    const session = await api.http().get('/api/auth/session').set(admin.auth);
    expect(session.body.user.avatarUrl).toBe(upload.body.url);
    expect((await api.http().get(upload.body.url)).status).toBe(200);

    const parent = await api.given.signedIn(Role.Parent);
    const ticket = await api.http().post('/api/tickets').set(parent.auth).send({
      subject: 'Where is my booking?',
      body: 'I asked for Tuesday and cannot see the request any more.',
      category: 'booking',
    });
    expect(ticket.status).toBe(201);
    const ticketId = (ticket.body.ticket?.id ?? ticket.body.id) as string;
    const reply = await api
      .http()
      .post(`/api/tickets/${ticketId}/replies`)
      .set(admin.auth)
      .send({ body: 'Found it: it is waiting for the childminder.' });
    expect(reply.status).toBe(201);
    expect(reply.body.authorAvatarUrl).toBe(upload.body.url);
    await api.http().post(`/api/tickets/${ticketId}/replies`).set(parent.auth).send({ body: 'Thank you!' });

    const seenByParent = await api.http().get(`/api/tickets/${ticketId}/replies`).set(parent.auth);
    expect(seenByParent.status).toBe(200);
    expect(
      seenByParent.body.items.map((r: { side: string; authorAvatarUrl: string | null }) => [r.side, r.authorAvatarUrl]),
    ).toEqual([
      ['agent', upload.body.url],
      ['requester', null],
    ]);

    const replaced = await api
      .http()
      .post('/api/admin/profile-image')
      .set(admin.auth)
      .attach('file', await jpeg(300, 300), { filename: 'new.jpg', contentType: 'image/jpeg' });
    expect(replaced.status).toBe(201);
    expect(replaced.body.url).not.toBe(upload.body.url);
    expect((await api.http().get('/api/auth/session').set(admin.auth)).body.user.avatarUrl).toBe(replaced.body.url);
    const afterReplace = await api.http().get(`/api/tickets/${ticketId}`).set(parent.auth);
    expect(afterReplace.body.replies[0].authorAvatarUrl).toBe(replaced.body.url);
  });
});
