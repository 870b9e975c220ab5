import { randomUUID } from 'node:crypto';
import { ChildminderFavorite } from '@app/modules/childminders/entities/childminder-favorite.entity';
import { startTestApp, TestApp } from '../../support/test-app';
import { CHILDMINDERS, givenListedChildminder, namesOf, Role } from './support';

jest.setTimeout(60_000);

const FAVORITES = `${CHILDMINDERS}/favorites`;
const favorite = (id: string) => `${CHILDMINDERS}/${id}/favorite`;

describe('A parent keeps a list of favourite childminders', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it("parents each keep their own list: adding twice is harmless, removing takes it off, another parent's list is separate", async () => {
    const tag = Date.now().toString(36);
    const rose = await givenListedChildminder(api, {
      displayName: `Rose ${tag}`,
      postcode: 'TR1 1AA',
      ratingAverage: 4.5,
      ratingCount: 3,
    });
    const ivy = await givenListedChildminder(api, { displayName: `Ivy ${tag}`, postcode: 'TR2 4AA' });
    const parentA = await api.given.signedIn(Role.Parent);
    const parentB = await api.given.signedIn(Role.Parent);

    const added = await api.http().post(favorite(rose.id)).set(parentA.auth);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ childminderId: rose.id, favorite: true });
    expect((await api.http().post(favorite(rose.id)).set(parentA.auth)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api.http().post(favorite(ivy.id)).set(parentA.auth);
    await api.http().post(favorite(ivy.id)).set(parentB.auth);

    const listA = await api.http().get(FAVORITES).set(parentA.auth);
    expect(listA.status).toBe(200);
    expect(listA.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(namesOf(listA.body)).toEqual([`Ivy ${tag}`, `Rose ${tag}`]);
    expect(listA.body.items[1]).toMatchObject({
      id: rose.id,
      postcodeDistrict: 'TR1',
      ratingAverage: 4.5,
      favoritedAt: expect.any(String),
    });
    expect(JSON.stringify(listA.body)).not.toContain('TR1 1AA');

    // Parent B removing Rose (not on B's list) and Ivy (on it) leaves A's list alone.
    expect((await api.http().delete(favorite(rose.id)).set(parentB.auth)).status).toBe(204);
    expect((await api.http().delete(favorite(ivy.id)).set(parentB.auth)).status).toBe(204);
    expect((await api.http().get(FAVORITES).set(parentB.auth)).body).toMatchObject({ items: [], total: 0 });
    expect(namesOf((await api.http().get(FAVORITES).set(parentA.auth)).body)).toEqual([`Ivy ${tag}`, `Rose ${tag}`]);

    const removed = await api.http().delete(favorite(rose.id)).set(parentA.auth);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expect(namesOf((await api.http().get(FAVORITES).set(parentA.auth)).body)).toEqual([`Ivy ${tag}`]);
    const rows = await api.dataSource.getRepository(ChildminderFavorite).find({ where: { parentId: parentA.user.id } });
    expect(rows.map((r) => r.profileId)).toEqual([ivy.id]);
  });

  it('a childminder that is not listed cannot be added, and drops out of the list while hidden', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const hidden = await givenListedChildminder(api, { displayName: 'Hidden', postcode: 'TR1 2AA', visible: false });
    const missing = await api.http().post(favorite(randomUUID())).set(parent.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CHILDMINDER_NOT_FOUND');
    expect((await api.http().post(favorite(hidden.id)).set(parent.auth)).status).toBe(404);
    expect((await api.http().delete(favorite(randomUUID())).set(parent.auth)).status).toBe(404);
    expect((await api.http().post(favorite('nope')).set(parent.auth)).status).toBe(400);
  });

  it('favourites are for parents only', async () => {
    const lily = await givenListedChildminder(api, { displayName: 'Lily', postcode: 'TR1 3AA' });
    const minder = await api.given.signedIn(Role.Childminder);
    expect((await api.http().post(favorite(lily.id)).set(minder.auth)).status).toBe(403);
    expect((await api.http().get(FAVORITES).set(minder.auth)).status).toBe(403);
    expect((await api.http().get(FAVORITES)).status).toBe(401);
    expect((await api.http().post(favorite(lily.id))).status).toBe(401);
    expect(await api.dataSource.getRepository(ChildminderFavorite).count({ where: { parentId: minder.user.id } })).toBe(
      0,
    );
  });
});
