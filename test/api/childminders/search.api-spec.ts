import { DateTime } from 'luxon';
import { AgeGroup, ChildminderService } from '@app/modules/childminders/childminder-vocabulary';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { distanceMiles } from '@app/modules/geo/geo-math';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { PlanKey } from '@app/modules/subscriptions/plans';
import { startTestApp, TestApp } from '../../support/test-app';
import { CHILDMINDERS, givenListedChildminder, namesOf, Role } from './support';

jest.setTimeout(60_000);

const SEARCH = `${CHILDMINDERS}/search`;
const ukDate = (offset: { years?: number; months?: number }) =>
  DateTime.now().setZone('Europe/London').startOf('day').minus(offset).toISODate()!;

/**
 * Every childminder in this story lives in Shetland (ZE1 Lerwick, ZE2 north mainland, ZE3 south
 * mainland), where no other story puts anyone, so the results are exactly these.
 */
describe('A parent searches for childminders near a postcode', () => {
  let api: TestApp;
  const tag = `S${Date.now().toString(36)}`;
  const name = (n: string) => `${n} ${tag}`;
  let amy: ChildminderProfile;
  let ben: ChildminderProfile;
  let cat: ChildminderProfile;
  let dot: ChildminderProfile;
  let hidden: ChildminderProfile;
  let incomplete: ChildminderProfile;
  let inactive: ChildminderProfile;

  const search = (params: Record<string, string | number | boolean>) =>
    api
      .http()
      .get(SEARCH)
      .query({ pageSize: 100, ...params });

  beforeAll(async () => {
    api = await startTestApp();
    amy = await givenListedChildminder(api, {
      displayName: name('Amy'),
      postcode: 'ZE1 0AA',
      hourlyRatePence: 600,
      ratingAverage: 4.9,
      ratingCount: 20,
      services: [ChildminderService.SchoolPickUp, ChildminderService.Meals, ChildminderService.FundedHours30],
      languages: ['English', 'Polish'],
      specialNeedsExperience: true,
      ageGroups: [AgeGroup.Baby, AgeGroup.Toddler, AgeGroup.Preschool],
    });
    ben = await givenListedChildminder(api, {
      displayName: name('Ben'),
      postcode: 'ZE1 0LX',
      hourlyRatePence: 500,
      ratingAverage: 4.2,
      ratingCount: 5,
      services: [ChildminderService.SchoolDropOff, ChildminderService.FundedHours15],
      ageGroups: [AgeGroup.Toddler, AgeGroup.Preschool, AgeGroup.SchoolAge],
    });
    cat = await givenListedChildminder(api, {
      displayName: name('Cat'),
      postcode: 'ZE2 9AA',
      hourlyRatePence: 800,
      services: [ChildminderService.Meals],
      languages: ['English', 'Urdu'],
      ageGroups: [AgeGroup.SchoolAge, AgeGroup.Over8],
    });
    dot = await givenListedChildminder(api, {
      displayName: name('Dot'),
      postcode: 'ZE3 9JU',
      hourlyRatePence: 450,
      ratingAverage: 3.8,
      ratingCount: 2,
      ageGroups: Object.values(AgeGroup),
    });
    hidden = await givenListedChildminder(api, { displayName: name('Hidden'), postcode: 'ZE1 0AB', visible: false });
    incomplete = await givenListedChildminder(api, { displayName: name('Incomplete'), postcode: 'ZE1 0AD', bio: null });
    inactive = await givenListedChildminder(api, { displayName: name('Inactive'), postcode: 'ZE1 0AE', active: false });
  });
  afterAll(() => api.close());

  it('the radius decides who is found, and each result carries its distance from the postcode’s district', async () => {
    const geocoder = api.app.get(GeocoderService);
    const ze1 = geocoder.locate('ZE1');
    const toZe2 = distanceMiles(ze1, geocoder.locate('ZE2'));
    const toZe3 = distanceMiles(ze1, geocoder.locate('ZE3'));
    // Known districts: north mainland is about 12 miles from Lerwick, the south mainland about 19.
    expect(toZe2).toBeGreaterThan(11);
    expect(toZe2).toBeLessThan(14);
    expect(toZe3).toBeGreaterThan(17);
    expect(toZe3).toBeLessThan(21);

    const near = await search({ postcode: 'ze1 1aa', radiusMiles: 5 });
    expect(near.status).toBe(200);
    expect(namesOf(near.body)).toEqual([name('Amy'), name('Ben')]);
    expect(near.body.items.map((i: { distanceMiles: number }) => i.distanceMiles)).toEqual([0, 0]);
    expect(near.body.origin).toEqual({
      outcode: 'ZE1',
      town: 'Sound',
      precision: 'district',
      radiusMiles: 5,
      latitude: ze1.latitude,
      longitude: ze1.longitude,
    });
    // Each hit is placed on a map at its district's centre, never at the home.
    expect(near.body.items[0].district).toEqual({ latitude: ze1.latitude, longitude: ze1.longitude });

    const wider = await search({ postcode: 'ZE1 1AA', radiusMiles: 15 });
    expect(namesOf(wider.body)).toEqual([name('Amy'), name('Ben'), name('Cat')]);
    expect(wider.body.items[2].distanceMiles).toBe(Math.round(toZe2 * 10) / 10);

    const widest = await search({ postcode: 'ZE1 1AA', radiusMiles: 25 });
    expect(namesOf(widest.body)).toEqual([name('Amy'), name('Ben'), name('Cat'), name('Dot')]);
    expect(widest.body).toMatchObject({ total: 4, page: 1, pageSize: 100 });
    expect(widest.body.items[3].distanceMiles).toBe(Math.round(toZe3 * 10) / 10);

    // From the south mainland the order turns round.
    const fromSouth = await search({ postcode: 'ZE3', radiusMiles: 25 });
    expect(namesOf(fromSouth.body)[0]).toBe(name('Dot'));
  });

  it('hidden, inactive and incomplete profiles never appear', async () => {
    const all = await search({ postcode: 'ZE1', radiusMiles: 50 });
    const ids = all.body.items.map((i: { id: string }) => i.id);
    for (const absent of [hidden, incomplete, inactive]) expect(ids).not.toContain(absent.id);
    for (const present of [amy, ben, cat, dot]) expect(ids).toContain(present.id);
  });

  it('sorts by distance (then rating), by rating (unrated last) and by price', async () => {
    const sorted = async (sort: string) => namesOf((await search({ postcode: 'ZE1', radiusMiles: 25, sort })).body);
    expect(await sorted('distance')).toEqual([name('Amy'), name('Ben'), name('Cat'), name('Dot')]);
    expect(await sorted('rating')).toEqual([name('Amy'), name('Ben'), name('Dot'), name('Cat')]);
    expect(await sorted('price')).toEqual([name('Dot'), name('Ben'), name('Amy'), name('Cat')]);
    const bad = await search({ postcode: 'ZE1', sort: 'cheapest' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'sort', message: 'sort must be one of: distance, rating, price' }]);
  });

  it('pages through the results in a stable order', async () => {
    const page = (n: number) => search({ postcode: 'ZE1', radiusMiles: 25, sort: 'price', pageSize: 3, page: n });
    const [first, second, third] = [(await page(1)).body, (await page(2)).body, (await page(3)).body];
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(namesOf(first)).toEqual([name('Dot'), name('Ben'), name('Amy')]);
    expect(namesOf(second)).toEqual([name('Cat')]);
    expect(third).toMatchObject({ items: [], total: 4, page: 3 });
    expect((await search({ postcode: 'ZE1', pageSize: 101 })).status).toBe(400);
  });

  it.each<[string, Record<string, string | number | boolean>, string[]]>([
    ['maxHourlyRate (pence)', { maxHourlyRate: 550 }, ['Ben', 'Dot']],
    ['one service', { services: 'meals' }, ['Amy', 'Cat']],
    ['several services: all of them', { services: 'school_pick_up,meals' }, ['Amy']],
    ['a language, any case', { languages: 'polish' }, ['Amy']],
    ['two languages', { languages: 'English,Urdu' }, ['Cat']],
    ['15 funded hours', { fundedHours: 15 }, ['Ben']],
    ['30 funded hours', { fundedHours: 30 }, ['Amy']],
    ['special needs experience', { specialNeeds: true }, ['Amy']],
    ['minimum rating', { minRating: 4 }, ['Amy', 'Ben']],
  ])('filters by %s', async (_label, filter, expected) => {
    const response = await search({ postcode: 'ZE1', radiusMiles: 25, ...filter });
    expect(response.status).toBe(200);
    expect(namesOf(response.body)).toEqual(expected.map(name));
    expect(response.body.total).toBe(expected.length);
  });

  it("filters by the children's ages: every child's age group must be cared for", async () => {
    const baby = ukDate({ months: 6 });
    const sixYearOld = ukDate({ years: 6 });
    const names = async (ageOfChildren: string) =>
      namesOf((await search({ postcode: 'ZE1', radiusMiles: 25, ageOfChildren })).body);
    expect(await names(baby)).toEqual([name('Amy'), name('Dot')]);
    expect(await names(sixYearOld)).toEqual([name('Ben'), name('Cat'), name('Dot')]);
    expect(await names(`${baby},${sixYearOld}`)).toEqual([name('Dot')]);
    const future = await search({ postcode: 'ZE1', ageOfChildren: ukDate({ years: -1 }) });
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('ageOfChildren');
  });

  it('an unknown or missing postcode is a 400 that names the postcode', async () => {
    for (const postcode of ['GIR 0AA', 'hello', 'Q1 1AA']) {
      const response = await search({ postcode });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('UNKNOWN_POSTCODE');
      expect(response.body.details).toEqual([{ field: 'postcode', message: response.body.message }]);
    }
    const missing = await api.http().get(SEARCH);
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('postcode');
    const tooFar = await search({ postcode: 'ZE1', radiusMiles: 500 });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.details[0].field).toBe('radiusMiles');
    const badFilter = await search({ postcode: 'ZE1', services: 'ironing', fundedHours: 20 });
    expect(badFilter.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fundedHours', 'services']);
  });

  it('the public profile shows the district and town, never the full postcode or private fields', async () => {
    await api.dataSource.getRepository(ChildminderProfile).update(amy.id, { ownChildrenDatesOfBirth: ['2020-02-02'] });
    const response = await api.http().get(`${CHILDMINDERS}/${amy.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: amy.id,
      displayName: name('Amy'),
      postcodeDistrict: 'ZE1',
      town: 'Sound',
      hourlyRatePence: 600,
      ratingAverage: 4.9,
      ratingCount: 20,
      capacity: { under8: 6, young: 3, under1: 1 },
      openingHours: expect.objectContaining({ monday: { open: '08:00', close: '18:00' }, saturday: null }),
    });
    for (const field of ['postcode', 'ownChildrenDatesOfBirth', 'latitude', 'longitude', 'visible', 'completeness']) {
      expect(response.body).not.toHaveProperty(field);
    }
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('ZE1 0AA');
    expect(text).not.toContain('2020-02-02');

    const searchText = JSON.stringify((await search({ postcode: 'ZE1' })).body);
    expect(searchText).not.toContain('ZE1 0AA');

    for (const unlisted of [hidden, incomplete, inactive]) {
      const notListed = await api.http().get(`${CHILDMINDERS}/${unlisted.id}`);
      expect(notListed.status).toBe(404);
      expect(notListed.body.code).toBe('CHILDMINDER_NOT_FOUND');
    }
    expect((await api.http().get(`${CHILDMINDERS}/not-a-uuid`)).status).toBe(400);
  });

  it('the public list pages through listed profiles only', async () => {
    const response = await api.http().get(CHILDMINDERS).query({ pageSize: 100 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ page: 1, pageSize: 100 });
    const ids = response.body.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(hidden.id);
    expect(JSON.stringify(response.body)).not.toMatch(/"postcode"/);
  });

  it('recommends near, well-rated childminders for a postcode or for the signed-in parent', async () => {
    const forPostcode = await api.http().get(`${CHILDMINDERS}/recommended`).query({ postcode: 'ZE1', radiusMiles: 25 });
    expect(forPostcode.status).toBe(200);
    expect(namesOf(forPostcode.body)[0]).toBe(name('Amy'));
    expect(forPostcode.body.items.every((i: { distanceMiles: number }) => typeof i.distanceMiles === 'number')).toBe(
      true,
    );
    expect(namesOf(forPostcode.body)).not.toContain(name('Hidden'));

    const parent = await api.given.signedIn(Role.Parent, { postcode: 'ZE3 9JX' });
    const mine = await api.http().get(`${CHILDMINDERS}/recommended`).query({ radiusMiles: 5 }).set(parent.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.origin.outcode).toBe('ZE3');
    expect(namesOf(mine.body)).toEqual([name('Dot')]);

    // A Pro plan ("featured in recommendations") lifts a childminder over an otherwise equal one.
    const listed = await givenListedChildminder(api, { displayName: name('Listed'), postcode: 'LD1 5AA' });
    const pro = await givenListedChildminder(api, { displayName: name('Pro'), postcode: 'LD1 5AB' });
    const inLlandrindod = async () =>
      namesOf((await api.http().get(`${CHILDMINDERS}/recommended`).query({ postcode: 'LD1', radiusMiles: 1 })).body);
    const before = await inLlandrindod();
    expect(before).toHaveLength(2);
    await api.given.plan(before[0] === name('Pro') ? listed.userId : pro.userId, PlanKey.ChildminderPro);
    const featured = await inLlandrindod();
    expect(featured).toEqual([before[1], before[0]]);

    const anonymous = await api.http().get(`${CHILDMINDERS}/recommended`);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toMatchObject({ code: 'POSTCODE_REQUIRED', details: [{ field: 'postcode' }] });
  });
});
