import { AgeGroup } from '@app/modules/childminders/childminder-vocabulary';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { RECOMMENDATIONS_TRAINING_JOB } from '@app/modules/recommendations/recommendations-training.job';
import { startTestApp, TestApp } from '../../support/test-app';
import { bornAgo, givenChild } from '../bookings/support';
import { givenListedChildminder, Role } from '../childminders/support';
import type { SignedInUser } from '../../factories/given';

jest.setTimeout(60_000);

const RECOMMENDATIONS = '/api/recommendations';
const CLICK = '/api/recommendations/click';

interface Item {
  displayName: string;
  recommendationId: string | null;
  matchScore: number;
  reasons: string[];
  featured: boolean;
}

/**
 * Orkney, where no other story lists anyone: three childminders in Kirkwall, and a family with
 * a two-year-old. The one who cannot take a two-year-old is near and well rated, and still
 * comes after the two who can; each recommendation says why in words.
 */
describe('Recommendations: a family sees who matches them best and why, and what they open teaches the recommender', () => {
  let api: TestApp;
  let family: SignedInUser;
  const name = (n: string) => `${n} Orkney`;
  const byName = (items: Item[]) => new Map(items.map((i) => [i.displayName, i]));

  beforeAll(async () => {
    api = await startTestApp();
    await givenListedChildminder(api, {
      displayName: name('Tess'),
      postcode: 'KW15 1AA',
      ageGroups: [AgeGroup.Toddler, AgeGroup.Preschool],
      ratingAverage: 4.8,
      ratingCount: 20,
    });
    await givenListedChildminder(api, {
      displayName: name('Bea'),
      postcode: 'KW15 1AB',
      ageGroups: [AgeGroup.Baby, AgeGroup.Toddler],
      ratingAverage: 3.9,
      ratingCount: 4,
      hourlyRatePence: 800,
    });
    await givenListedChildminder(api, {
      displayName: name('Sam'),
      postcode: 'KW15 1AD',
      ageGroups: [AgeGroup.SchoolAge, AgeGroup.Over8],
      ratingAverage: 5,
      ratingCount: 30,
    });
    family = await api.given.signedIn(Role.Parent, { postcode: 'KW15 1XY' });
    await givenChild(api, family, 'Isla', bornAgo({ years: 2, months: 3 }));
  });
  afterAll(() => api.close());

  const recommendationsFor = (parent: SignedInUser, query: Record<string, unknown> = {}) =>
    api
      .http()
      .get(RECOMMENDATIONS)
      .query({ radiusMiles: 3, ...query })
      .set(parent.auth);

  it('a parent with a two-year-old sees first the childminders with a place for her, each with a score and reasons', async () => {
    const response = await recommendationsFor(family);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 1, modelVersion: 0, origin: { outcode: 'KW15' } });
    const items: Item[] = response.body.items;
    expect(items.map((i) => i.displayName).at(-1)).toBe(name('Sam'));
    const tess = byName(items).get(name('Tess'))!;
    const sam = byName(items).get(name('Sam'))!;
    expect(tess.matchScore).toBeGreaterThan(sam.matchScore);
    for (const item of items) {
      expect(item.matchScore).toBeGreaterThanOrEqual(0);
      expect(item.matchScore).toBeLessThanOrEqual(100);
      expect(item.recommendationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(item.reasons.length).toBeGreaterThan(0);
    }
    expect(tess.reasons).toContain('Has places for a 2-year-old');
    expect(tess.reasons.join(' ')).toMatch(/Rated 4\.8 by 20 parents/);
    // A reason is never something that counted against her.
    expect(sam.reasons.join(' ')).not.toMatch(/places for/);
  });

  it('what the parent asks for sharpens the match: a budget is said in pounds', async () => {
    const response = await recommendationsFor(family, { maxHourlyRate: 700 });
    expect(response.status).toBe(200);
    const tess = byName(response.body.items).get(name('Tess'))!;
    expect(tess.reasons).toContain('£6.00 an hour, within your budget');
    expect((await recommendationsFor(family, { maxHourlyRate: -5 })).status).toBe(400);
    expect((await recommendationsFor(family, { days: 'monday' })).body).toMatchObject({ statusCode: 400 });
  });

  it('only the parent a recommendation was shown to can record opening it', async () => {
    const items: Item[] = (await recommendationsFor(family)).body.items;
    const id = items[0]!.recommendationId!;
    const stranger = await api.given.signedIn(Role.Parent, { postcode: 'KW15 1XZ' });

    expect((await api.http().post(CLICK).set(stranger.auth).send({ recommendationId: id })).status).toBe(404);
    const unknown = await api
      .http()
      .post(CLICK)
      .set(family.auth)
      .send({ recommendationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RECOMMENDATION_NOT_FOUND');
    const malformed = await api.http().post(CLICK).set(family.auth).send({ recommendationId: 'nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('recommendationId');
    expect((await api.http().post(CLICK).set(family.auth).send({ recommendationId: id })).status).toBe(204);
    expect((await api.http().post(CLICK).set(family.auth).send({ recommendationId: id })).status).toBe(204);

    const minder = await api.given.signedIn(Role.Childminder);
    expect((await api.http().get(RECOMMENDATIONS).query({ postcode: 'KW15' }).set(minder.auth)).status).toBe(403);
    expect((await api.http().get(RECOMMENDATIONS).query({ postcode: 'KW15' })).status).toBe(401);
  });

  it('anyone may see recommendations for a postcode; only a signed-in parent gets ids to click', async () => {
    const anonymous = await api.http().get('/api/childminders/recommended').query({ postcode: 'KW15', radiusMiles: 3 });
    expect(anonymous.status).toBe(200);
    const items: Item[] = anonymous.body.items;
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.recommendationId === null && Number.isInteger(i.matchScore))).toBe(true);
  });

  it('the nightly training learns from the clicks and the next list is scored by the new version', async () => {
    // Sam is what this family opens, list after list: the recommender should learn to like what he has.
    for (let round = 0; round < 3; round++) {
      const items: Item[] = (await recommendationsFor(family)).body.items;
      const sam = items.find((i) => i.displayName === name('Sam'))!;
      expect(
        (await api.http().post(CLICK).set(family.auth).send({ recommendationId: sam.recommendationId })).status,
      ).toBe(204);
    }
    const run = await api.app.get(JobRegistry).run(RECOMMENDATIONS_TRAINING_JOB);
    expect(run?.outcome).toBe('succeeded');
    expect(run?.summary).toMatchObject({ trained: true });
    const version = run!.summary!.version as number;
    expect(version).toBeGreaterThanOrEqual(1);

    const after = await recommendationsFor(family);
    expect(after.body.modelVersion).toBe(version);
  });
});

describe('Recommendations: a parent who has not given a postcode is asked for one, not shown an error', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('answers an empty list that says a postcode is needed, and recommends once one is given', async () => {
    const parent = await api.given.signedIn(Role.Parent, { postcode: null });
    const response = await api.http().get(RECOMMENDATIONS).set(parent.auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ items: [], total: 0, page: 1, origin: null, needs: 'postcode' });
    expect(typeof response.body.modelVersion).toBe('number');

    const given = await api.http().get(RECOMMENDATIONS).query({ postcode: 'KW15 1XY' }).set(parent.auth);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ needs: null, origin: { outcode: 'KW15' } });
  });
});
