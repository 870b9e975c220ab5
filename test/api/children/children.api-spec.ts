import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { Child } from '@app/modules/children/entities/child.entity';
import { User } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

// The api project's `testTimeout` in jest.config.js is not applied (Jest reads it only as a
// global option), so the 5 s default would hold; these stories sign several users in.
jest.setTimeout(60_000);

const CHILDREN = '/api/dashboard/parent/children';
const child = (id: string) => `${CHILDREN}/${id}`;

/** A UK calendar date relative to today, as the API takes it. */
const ukDate = (offset: { years?: number; months?: number; days?: number }) =>
  DateTime.now().setZone('Europe/London').startOf('day').minus(offset).toISODate()!;

const fieldsOf = (body: { details?: { field: string }[] }) =>
  [...new Set((body.details ?? []).map((d) => d.field))].sort();

describe('A parent keeps their children’s details', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const rowsOf = (parent: SignedInUser) =>
    api.dataSource.getRepository(Child).find({ where: { parentId: parent.user.id } });

  it('a parent adds two children, lists them oldest first, edits one and removes the other', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const mayaBorn = ukDate({ years: 2, months: 3 });
    const maya = await api
      .http()
      .post(CHILDREN)
      .set(parent.auth)
      .send({ firstName: '  Maya ', dateOfBirth: mayaBorn, allergies: 'Peanuts', medicalNotes: '  ' });
    expect(maya.status).toBe(201);
    expect(maya.body).toEqual({
      id: expect.any(String),
      firstName: 'Maya',
      dateOfBirth: mayaBorn,
      ageDescription: '2 years 3 months',
      specialNeeds: null,
      allergies: 'Peanuts',
      medicalNotes: null,
      createdAt: expect.any(String),
    });

    const leo = await api
      .http()
      .post(CHILDREN)
      .set(parent.auth)
      .send({
        firstName: 'Leo',
        dateOfBirth: ukDate({ years: 5, days: 3 }),
        specialNeeds: 'Speech and language support',
        medicalNotes: 'Inhaler (salbutamol) before exercise',
      });
    expect(leo.status).toBe(201);
    expect(leo.body.ageDescription).toBe('5 years');

    const list = await api.http().get(CHILDREN).set(parent.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(list.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Leo', 'Maya']);

    const edited = await api
      .http()
      .patch(child(maya.body.id))
      .set(parent.auth)
      .send({ firstName: 'Maia', allergies: null, specialNeeds: 'Wears glasses' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: maya.body.id,
      firstName: 'Maia',
      allergies: null,
      specialNeeds: 'Wears glasses',
      dateOfBirth: mayaBorn,
    });
    expect((await api.http().get(child(maya.body.id)).set(parent.auth)).body).toEqual(edited.body);

    const removed = await api.http().delete(child(leo.body.id)).set(parent.auth);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect((await api.http().get(child(leo.body.id)).set(parent.auth)).status).toBe(404);

    const rows = await rowsOf(parent);
    expect(rows.map((r) => r.firstName)).toEqual(['Maia']);
    // The date column comes back as the same YYYY-MM-DD string on every dialect.
    expect(rows[0]!.dateOfBirth).toBe(mayaBorn);
    expect((await api.http().get(CHILDREN).set(parent.auth)).body.total).toBe(1);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const post = (body: object) => api.http().post(CHILDREN).set(parent.auth).send(body);

    const future = await post({ firstName: 'Sam', dateOfBirth: ukDate({ days: -1 }) });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'dateOfBirth', message: 'dateOfBirth cannot be in the future' }]);

    const tooOld = await post({ firstName: 'Sam', dateOfBirth: ukDate({ years: 18, days: 1 }) });
    expect(tooOld.body.details).toEqual([
      { field: 'dateOfBirth', message: 'dateOfBirth must be within the last 18 years' },
    ]);
    expect((await post({ firstName: 'Sam', dateOfBirth: ukDate({ years: 18 }) })).status).toBe(201);
    await api.dataSource.getRepository(Child).delete({ parentId: parent.user.id });

    for (const notADate of ['2023-02-30', '14/03/2022', '2022-3-14', 20220314]) {
      const response = await post({ firstName: 'Sam', dateOfBirth: notADate });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['dateOfBirth']);
    }

    const unknown = await post({
      firstName: 'Sam',
      dateOfBirth: '2022-01-01',
      parentId: randomUUID(),
      nickname: 'Sammy',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['nickname', 'parentId']);
    expect(unknown.body.message).toContain('parentId is not an accepted field');

    const missing = await post({ allergies: 'x'.repeat(2001) });
    expect(fieldsOf(missing.body)).toEqual(['allergies', 'dateOfBirth', 'firstName']);
    expect((await post({ firstName: 'x'.repeat(51), dateOfBirth: '2022-01-01' })).body.details[0].field).toBe(
      'firstName',
    );

    const badId = await api.http().get(child('not-a-uuid')).set(parent.auth);
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    expect((await api.http().delete(child('1234')).set(parent.auth)).status).toBe(400);

    expect(await rowsOf(parent)).toEqual([]);

    const sam = await post({ firstName: 'Sam', dateOfBirth: '2022-01-01' });
    const clear = await api
      .http()
      .patch(child(sam.body.id))
      .set(parent.auth)
      .send({ firstName: null, dateOfBirth: null });
    expect(clear.status).toBe(400);
    expect(fieldsOf(clear.body)).toEqual(['dateOfBirth', 'firstName']);
    const escalate = await api.http().patch(child(sam.body.id)).set(parent.auth).send({ parentId: randomUUID() });
    expect(fieldsOf(escalate.body)).toEqual(['parentId']);
    expect((await rowsOf(parent)).map((r) => [r.firstName, r.dateOfBirth])).toEqual([['Sam', '2022-01-01']]);
  });

  it("another parent gets 404 for parent A's child on GET, PATCH and DELETE, and nothing changes", async () => {
    const parentA = await api.given.signedIn(Role.Parent);
    const parentB = await api.given.signedIn(Role.Parent);
    const created = await api
      .http()
      .post(CHILDREN)
      .set(parentA.auth)
      .send({ firstName: 'Ada', dateOfBirth: '2021-09-01', medicalNotes: 'Epilepsy: see care plan' });

    const asB = {
      get: await api.http().get(child(created.body.id)).set(parentB.auth),
      patch: await api.http().patch(child(created.body.id)).set(parentB.auth).send({ firstName: 'Hijacked' }),
      delete: await api.http().delete(child(created.body.id)).set(parentB.auth),
    };
    for (const response of Object.values(asB)) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'CHILD_NOT_FOUND', message: 'Child not found' });
      expect(JSON.stringify(response.body)).not.toContain('Epilepsy');
    }
    // The same answer as for an id that does not exist: nothing to tell the two apart.
    const missing = await api.http().get(child(randomUUID())).set(parentB.auth);
    expect({ status: missing.status, code: missing.body.code, message: missing.body.message }).toEqual({
      status: 404,
      code: 'CHILD_NOT_FOUND',
      message: 'Child not found',
    });

    expect((await api.http().get(CHILDREN).set(parentB.auth)).body).toMatchObject({ items: [], total: 0 });
    const rows = await rowsOf(parentA);
    expect(rows.map((r) => r.firstName)).toEqual(['Ada']);
    expect((await api.http().get(child(created.body.id)).set(parentA.auth)).body.firstName).toBe('Ada');
  });

  it('childminders and other roles cannot use the parent routes; signed-out callers must sign in', async () => {
    const childminder = await api.given.signedIn(Role.Childminder);
    const parent = await api.given.signedIn(Role.Parent);
    const created = await api
      .http()
      .post(CHILDREN)
      .set(parent.auth)
      .send({ firstName: 'Noor', dateOfBirth: '2023-06-01' });

    expect((await api.http().get(CHILDREN).set(childminder.auth)).status).toBe(403);
    expect((await api.http().get(child(created.body.id)).set(childminder.auth)).status).toBe(403);
    const post = await api
      .http()
      .post(CHILDREN)
      .set(childminder.auth)
      .send({ firstName: 'Mine', dateOfBirth: '2023-06-01' });
    expect(post.status).toBe(403);
    expect(await api.dataSource.getRepository(Child).count({ where: { parentId: childminder.user.id } })).toBe(0);

    const admin = await api.given.signedIn(Role.Admin);
    expect((await api.http().get(child(created.body.id)).set(admin.auth)).status).toBe(403);
    expect((await api.http().get(CHILDREN)).status).toBe(401);
  });

  it('a parent can keep at most 20 children', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    await api.dataSource.getRepository(Child).insert(
      Array.from({ length: 20 }, (_, i) =>
        Object.assign(new Child(), {
          parentId: parent.user.id,
          firstName: `Child ${i + 1}`,
          dateOfBirth: '2015-01-01',
        }),
      ),
    );
    const refused = await api
      .http()
      .post(CHILDREN)
      .set(parent.auth)
      .send({ firstName: 'One more', dateOfBirth: '2024-01-01' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CHILD_LIMIT_REACHED');
    expect((await rowsOf(parent)).length).toBe(20);
    const page = await api.http().get(`${CHILDREN}?pageSize=100`).set(parent.auth);
    expect(page.body).toMatchObject({ total: 20, pageSize: 100 });
    expect(page.body.items).toHaveLength(20);
  });

  it("closing a parent's account removes their children with it", async () => {
    const parent = await api.given.signedIn(Role.Parent);
    await api.http().post(CHILDREN).set(parent.auth).send({ firstName: 'Tom', dateOfBirth: '2022-02-02' });
    expect(await rowsOf(parent)).toHaveLength(1);
    await api.dataSource.getRepository(User).delete({ id: parent.user.id });
    expect(await rowsOf(parent)).toEqual([]);
  });
});
