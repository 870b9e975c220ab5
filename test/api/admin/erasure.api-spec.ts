import { DataSource } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { Booking } from '@app/modules/bookings/entities/booking.entity';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { PlanKey } from '@app/modules/subscriptions/plans';
import { startTestApp, TestApp } from '../../support/test-app';
import { answer, bornAgo, givenChild, givenChildminder, requestBooking, ukAt } from '../bookings/support';

jest.setTimeout(90_000);

const TEXT_TYPES = new Set(['varchar', 'text', 'simple-json', 'simple-array', 'mediumtext', 'longtext', 'json']);

/** Every text column of every table (from the entity metadata), with the rows mentioning `term`. */
async function whereMentioned(dataSource: DataSource, term: string): Promise<string[]> {
  const found: string[] = [];
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      if (!TEXT_TYPES.has(String(column.type))) continue;
      const count = await dataSource
        .createQueryBuilder()
        .from(entity.tableName, 't')
        .where(`LOWER(t.${dataSource.driver.escape(column.databaseName)}) LIKE :term`, {
          term: `%${term.toLowerCase()}%`,
        })
        .getCount();
      if (count > 0) found.push(`${entity.tableName}.${column.databaseName} (${count})`);
    }
  }
  return found;
}

describe('Erasure and export of personal data (UK GDPR articles 15, 17, 20)', () => {
  let api: TestApp;

  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  /** A parent with a child, a booking with notes, a message and a phone number: data in many modules. */
  async function givenBusyParent(label: string) {
    const firstName = `Quillon${label}`;
    const lastName = `Marchbanks${label}`;
    const parent = await api.given.signedIn(Role.Parent, { firstName, lastName, plan: PlanKey.ParentPlus });
    const phone = `07700 9${Math.floor(10000 + Math.random() * 89999)}`;
    await api.http().patch('/api/user/profile').set(parent.auth).send({ phone, postcode: 'M20 2LS' }).expect(200);
    const childName = `Zephyrine${label}`;
    const child = await givenChild(api, parent, childName, bornAgo({ years: 3 }), {
      allergies: `Peanuts (${label})`,
    });
    const minder = await givenChildminder(api, { name: `Claire Hughes${label}` });
    const notes = `Door code 4821${label}, ask for ${firstName}`;
    const booking = await requestBooking(api, parent, {
      childminderId: minder.profile.id,
      childIds: [child],
      startsAt: ukAt(3, '09:00'),
      endsAt: ukAt(3, '12:00'),
      notes,
    });
    expect(booking.status).toBe(201);
    expect((await answer(api, minder, booking.body.id, { action: 'confirm' })).status).toBe(200);
    const message = `My private message ${label} about ${childName}`;
    await api
      .http()
      .post('/api/dashboard/parent/messages/send')
      .set(parent.auth)
      .send({ recipientId: minder.user.id, text: message })
      .expect(201);
    return { parent, minder, phone, childName, notes, message, bookingId: booking.body.id as string };
  }

  it('"Download my data" holds the user’s rows from every module', async () => {
    const story = await givenBusyParent('Export');
    const response = await api.http().get('/api/user/data-export').set(story.parent.auth);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const archive = response.body;
    expect(archive).toMatchObject({ format: 'childminder-connect.personal-data.v1', userId: story.parent.user.id });
    expect(archive.sections.account).toMatchObject({ email: story.parent.email, phone: story.phone });
    expect(archive.sections.account).not.toHaveProperty('passwordHash');
    expect(archive.sections.children).toEqual([expect.objectContaining({ firstName: story.childName })]);
    expect(archive.sections.bookings).toEqual([
      expect.objectContaining({ id: story.bookingId, role: 'parent', notes: story.notes, status: 'confirmed' }),
    ]);
    expect(archive.sections.messages.sent).toEqual([expect.objectContaining({ text: story.message })]);
    expect(archive.sections.billing.subscriptions).toEqual([expect.objectContaining({ planKey: 'parent_plus' })]);
    expect(archive.sections.sessions.length).toBeGreaterThan(0);
    expect(archive.sections.activity.map((a: { type: string }) => a.type)).toContain('auth.login');
    // Every module that registered a section appears, even where it holds nothing about this user.
    expect(Object.keys(archive.sections)).toEqual(
      expect.arrayContaining(['documents', 'availability', 'reviews', 'notifications', 'email', 'compliance']),
    );
    expect(JSON.stringify(archive)).not.toMatch(/passwordHash|tokenHash|twoFactorSecret/);
  });

  it('an admin’s "delete user" leaves no personal data in any text column while the booking remains, anonymised', async () => {
    const story = await givenBusyParent('Erase');
    const admin = await api.given.signedIn(Role.Admin);
    const personal = [
      story.parent.email,
      `Quillon${'Erase'}`,
      `Marchbanks${'Erase'}`,
      story.phone,
      story.childName,
      story.notes,
      story.message,
    ];
    // Before: the data is there, in several tables.
    expect((await whereMentioned(api.dataSource, `MarchbanksErase`)).length).toBeGreaterThan(1);

    const erased = await api
      .http()
      .delete(`/api/admin/users/${story.parent.user.id}`)
      .query({ reason: 'Asked by email' })
      .set(admin.auth);
    expect(erased.status).toBe(204);

    for (const term of personal)
      expect({ term, found: await whereMentioned(api.dataSource, term) }).toEqual({ term, found: [] });

    const booking = await api.dataSource.getRepository(Booking).findOneByOrFail({ id: story.bookingId });
    expect(booking).toMatchObject({ parentId: story.parent.user.id, status: 'confirmed', notes: null });
    const shell = await api.dataSource.getRepository(User).findOneByOrFail({ id: story.parent.user.id });
    expect(shell).toMatchObject({ status: UserStatus.Erased, firstName: 'Deleted', phone: null, postcode: null });

    // Signed out everywhere, and the old address and password lead nowhere.
    expect((await api.http().get('/api/users/me').set(story.parent.auth)).status).toBe(401);
    const signIn = await api
      .http()
      .post('/api/auth/login')
      .send({ email: story.parent.email, password: story.parent.password });
    expect(signIn.status).toBe(401);
    // The childminder still sees the booking.
    const minderView = await api
      .http()
      .get(`/api/dashboard/childminder/bookings/${story.bookingId}`)
      .set(story.minder.auth);
    expect(minderView.status).toBe(200);

    const again = await api.http().delete(`/api/admin/users/${story.parent.user.id}`).set(admin.auth);
    expect(again.body.code).toBe('USER_ERASED');
  });

  it('"Delete my account" needs the password, then erases the account', async () => {
    const parent = await api.given.signedIn(Role.Parent, { firstName: 'Ottoline', lastName: 'Selfdelete' });
    const wrong = await api
      .http()
      .post('/api/user/delete-account')
      .set(parent.auth)
      .send({ password: 'not it at all' });
    expect(wrong.status).toBe(400);
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).status).toBe('active');

    const deleted = await api
      .http()
      .post('/api/user/delete-account')
      .set(parent.auth)
      .send({ password: parent.password });
    expect(deleted.status).toBe(204);
    expect(await whereMentioned(api.dataSource, 'Selfdelete')).toEqual([]);
    expect((await api.http().get('/api/users/me').set(parent.auth)).status).toBe(401);
  });
});
