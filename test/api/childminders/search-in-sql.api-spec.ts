import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { rankSearchResults, SearchSort } from '@app/modules/childminders/search/search-ranking';
import { Document } from '@app/modules/documents/entities/document.entity';
import { UploadCleanupService } from '@app/modules/documents/upload-cleanup.service';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { SettingsService } from '@app/modules/settings/settings.service';
import { FileStorage } from '@app/modules/storage/file-storage';
import { backfillComplianceStandings } from '../../../migrations/shared/compliance-standings-backfill';
import type { SignedInUser } from '../../factories/given';
import { fakeClock } from '../../support/clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { givenChildminder, givenCompletedBooking, givenPlusParent } from '../bookings/support';
import { standingsRecomputed } from '../compliance/support';
import { uploadDocument } from '../documents/support';
import { CHILDMINDERS, completeProfileBody, givenListedChildminder, OWN_PROFILE } from './support';

jest.setTimeout(90_000);

const SEARCH = `${CHILDMINDERS}/search`;
const UK = 'Europe/London';
const ukDate = (days: number) => DateTime.now().setZone(UK).startOf('day').plus({ days }).toISODate()!;

/**
 * The search filters, orders and pages in SQL, and reads badges, compliance and ratings from
 * columns of the profile that other modules keep up to date. These stories check the columns
 * against what a user does (an admin approves, a document expires at midnight, a parent reviews)
 * and the SQL order against the ranking rules written in code (search-ranking.ts).
 */
describe('Search in SQL: the order of the rules, and the columns it reads kept up to date', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await api.close();
  });

  const profileRow = (id: string) => api.dataSource.getRepository(ChildminderProfile).findOneByOrFail({ id });
  const search = async (query: Record<string, unknown>) => {
    const res = await api.http().get(SEARCH).query(query);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; badges: string[]; ratingAverage: number | null }[]; total: number };
  };

  it('every sort, page by page, gives the order the ranking rules give, ties and the radius included', async () => {
    const centre = api.app.get(GeocoderService).locate('PA78');
    // Distances from 0 to beyond the radius (but inside its bounding box), shared spots, equal
    // ratings with different review counts, equal and missing prices: every tie-break is used.
    const spots = [
      [0, 0],
      [0.01, 0.01],
      [0.01, 0.01],
      [-0.02, 0.03],
      [0.03, -0.05],
      [0.03, -0.05],
      [-0.04, -0.02],
      [0.05, 0.06],
      [-0.05, 0.08],
      [0.06, 0.12], // about 6 miles: in the box, outside the radius
      [-0.065, -0.125], // likewise
    ];
    const ratings: [number | null, number][] = [
      [4.5, 10],
      [4.5, 12],
      [null, 0],
      [5, 3],
      [4.5, 10],
      [3.75, 8],
      [null, 0],
      [5, 3],
      [4.5, 12],
      [5, 40],
      [4.9, 2],
    ];
    const prices = [600, 650, null, 600, 700, 600, null, 650, 550, 500, 400];
    const fixtures = [];
    for (let i = 0; i < spots.length; i++) {
      fixtures.push(
        await givenListedChildminder(api, {
          postcode: 'PA78 6TB',
          displayName: `Coll minder ${i}`,
          latitude: centre.latitude + spots[i]![0]!,
          longitude: centre.longitude + spots[i]![1]!,
          ratingAverage: ratings[i]![0],
          ratingCount: ratings[i]![1],
          hourlyRatePence: prices[i]!,
          // Listed even without a price (an older profile): search must still place it last by price.
          complete: true,
        }),
      );
    }
    const candidates = fixtures.map((f) => ({
      id: f.id,
      userId: f.userId,
      latitude: f.latitude!,
      longitude: f.longitude!,
      hourlyRatePence: f.hourlyRatePence,
      ratingAverage: f.ratingAverage,
      ratingCount: f.ratingCount,
    }));
    for (const sort of Object.values(SearchSort)) {
      const expected = rankSearchResults(candidates, centre, 5, sort);
      expect(expected).toHaveLength(9);
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const body = await search({ postcode: 'PA78', radiusMiles: 5, sort, page, pageSize: 4 });
        expect(body.total).toBe(9);
        seen.push(...body.items.map((i) => i.id));
      }
      expect({ sort, ids: seen }).toEqual({ sort, ids: expected.map((r) => r.id) });
    }
  });

  it('approving, rejecting and the midnight after a last day change the badges and verified-only search, with no job run', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    // Documents come before the profile: the new profile starts with what they earn.
    const approve = async (type: string, expiresOn?: string) => {
      const upload = await uploadDocument(api, minder, {
        fields: { type, name: `My ${type}`, ...(expiresOn ? { expiresOn } : {}) },
      });
      expect(upload.status).toBe(201);
      const review = await api
        .http()
        .patch('/api/admin/documents/status')
        .set(admin.auth)
        .send({ documentId: upload.body.id, status: 'approved' });
      expect(review.status).toBe(200);
      return upload.body.id as string;
    };
    await approve('ofsted_registration');
    const saved = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ postcode: 'PH42 4RL', displayName: 'Eilidh Eigg' }));
    expect(saved.status).toBe(200);
    const id = saved.body.id as string;
    expect(saved.body.badges).toEqual(['ofsted_registration']);
    expect((await profileRow(id)).complianceBadges).toBe('ofsted_registration:9999-12-31');
    expect((await profileRow(id)).compliantThrough).toBeNull();

    await approve('dbs_certificate');
    await approve('first_aid_certificate', ukDate(300));
    await approve('safeguarding_training', ukDate(200));
    const insurance = await approve('public_liability_insurance', ukDate(0));
    const row = await profileRow(id);
    expect(row.compliantThrough).toBe(ukDate(0));
    const verified = { postcode: 'PH42', radiusMiles: 1, verifiedOnly: true };
    expect((await search(verified)).items.map((i) => [i.id, i.badges])).toEqual([
      [
        id,
        [
          'ofsted_registration',
          'dbs_certificate',
          'first_aid_certificate',
          'public_liability_insurance',
          'safeguarding_training',
        ],
      ],
    ]);

    // One minute past midnight (UK): the insurance counted through yesterday, so its badge and
    // the verified listing are gone without anything having been written.
    const updatedAt = row.updatedAt;
    const clock = fakeClock(DateTime.now().setZone(UK).startOf('day').plus({ days: 1, minutes: 1 }).toJSDate());
    try {
      expect(await search(verified)).toMatchObject({ items: [], total: 0 });
      const all = await search({ postcode: 'PH42', radiusMiles: 1 });
      expect(all.items.map((i) => [i.id, i.badges])).toEqual([
        [id, ['ofsted_registration', 'dbs_certificate', 'first_aid_certificate', 'safeguarding_training']],
      ]);
    } finally {
      clock.restore();
    }
    expect((await profileRow(id)).updatedAt).toEqual(updatedAt);

    // Back to today: rejecting the insurance takes its badge away at once.
    const rejected = await api
      .http()
      .patch('/api/admin/documents/status')
      .set(admin.auth)
      .send({ documentId: insurance, status: 'rejected', reason: 'The policy number cannot be read' });
    expect(rejected.status).toBe(200);
    expect((await profileRow(id)).compliantThrough).toBeNull();
    expect((await api.http().get(`${CHILDMINDERS}/${id}`)).body.badges).not.toContain('public_liability_insurance');
    expect((await search(verified)).total).toBe(0);

    // An admin's override wins over the documents, and clearing it gives them back their say.
    const override = (status: string | null) =>
      api
        .http()
        .patch('/api/admin/compliance')
        .set(admin.auth)
        .send({ override: { userId: minder.user.id, status, reason: 'Insurance seen by phone' } });
    expect((await override('compliant')).status).toBe(200);
    expect((await search(verified)).items.map((i) => i.id)).toEqual([id]);
    expect((await override(null)).status).toBe(200);
    expect((await search(verified)).total).toBe(0);
  });

  it('a requirement made optional, and mandatory again, changes the standing of childminders already listed, in the background', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const saved = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ postcode: 'PH43 4RR', displayName: 'Rhona Rum' }));
    const id = saved.body.id as string;
    for (const type of [
      'ofsted_registration',
      'dbs_certificate',
      'first_aid_certificate',
      'public_liability_insurance',
    ]) {
      const upload = await uploadDocument(api, minder, { fields: { type, name: type } });
      await api
        .http()
        .patch('/api/admin/documents/status')
        .set(admin.auth)
        .send({ documentId: upload.body.id, status: 'approved' });
    }
    expect((await profileRow(id)).compliantThrough).toBeNull();
    const overview = await api.http().get('/api/admin/compliance').set(admin.auth);
    expect(overview.body.standingsUpdate).toBeNull();
    const safeguarding = (overview.body.requirements as { id: string; role: string; documentType: string }[]).find(
      (r) => r.role === 'childminder' && r.documentType === 'safeguarding_training',
    )!;
    const mandatory = (value: boolean) =>
      api
        .http()
        .patch('/api/admin/compliance')
        .set(admin.auth)
        .send({ requirement: { id: safeguarding.id, mandatory: value } });
    const verified = () => search({ postcode: 'PH43', radiusMiles: 1, verifiedOnly: true });
    const settings = api.app.get(SettingsService);
    try {
      const optional = await mandatory(false);
      expect(optional.status).toBe(200);
      expect(optional.body.requirement).toMatchObject({ mandatory: false, standingsRecomputing: true });
      // Until the job has run, search and the overview read the previous standing.
      expect((await profileRow(id)).compliantThrough).toBeNull();
      expect((await verified()).total).toBe(0);
      const updating = await api.http().get('/api/admin/compliance').set(admin.auth);
      expect(updating.body.standingsUpdate).toMatchObject({ done: 0, total: updating.body.childminders.total });
      await standingsRecomputed(api, admin);
      expect((await profileRow(id)).compliantThrough).toBe('9999-12-31');
      expect((await verified()).items.map((i) => i.id)).toEqual([id]);
      expect(await settings.get('compliance.standingsStale')).toBeNull();
    } finally {
      expect((await mandatory(true)).status).toBe(200);
    }
    // A server that stopped part-way through the walk leaves the marker where it got to; the
    // next run goes on from there and clears it.
    const stale = (await settings.get('compliance.standingsStale'))!;
    expect(stale).toMatchObject({ after: '', done: 0 });
    const partWay = { ...stale, after: '00000000-0000-0000-0000-000000000000', done: 1 };
    expect(await settings.replaceIf('compliance.standingsStale', stale, partWay)).toEqual(partWay);
    expect((await verified()).items.map((i) => i.id)).toEqual([id]);
    await standingsRecomputed(api, admin);
    expect((await profileRow(id)).compliantThrough).toBeNull();
    expect((await verified()).total).toBe(0);
    expect(await settings.get('compliance.standingsStale')).toBeNull();
  });

  it("a parent's review updates the rating columns search sorts on", async () => {
    const minder = await givenChildminder(api, { name: 'Ruby Rating' });
    const parent = await givenPlusParent(api, 'Rhiannon');
    const first = await givenCompletedBooking(api, minder, parent, 2);
    const second = await givenCompletedBooking(api, minder, parent, 3);
    for (const [bookingId, rating] of [
      [first, 5],
      [second, 4],
    ] as const) {
      const res = await api
        .http()
        .post(`${CHILDMINDERS}/${minder.profile.id}/reviews`)
        .set(parent.auth)
        .send({ bookingId, rating });
      expect(res.status).toBe(201);
    }
    const row = await profileRow(minder.profile.id);
    expect([row.ratingAverage, row.ratingCount]).toEqual([4.5, 2]);
    const byRating = await search({ postcode: 'M20 2LS', radiusMiles: 1, sort: 'rating', pageSize: 100 });
    expect(byRating.items.find((i) => i.id === minder.profile.id)?.ratingAverage).toBe(4.5);
    const higher = byRating.items.findIndex((i) => i.id === minder.profile.id);
    expect(byRating.items.slice(0, higher).every((i) => (i.ratingAverage ?? -1) >= 4.5)).toBe(true);
    expect(byRating.items.slice(higher + 1).every((i) => (i.ratingAverage ?? -1) <= 4.5)).toBe(true);
  });
  it('an approved document whose file is lost and removed by the cleanup job takes its badge with it', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const saved = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ postcode: 'PH41 4QS', displayName: 'Mairi Mallaig' }));
    const id = saved.body.id as string;
    const upload = await uploadDocument(api, minder, { fields: { type: 'dbs_certificate', name: 'DBS' } });
    await api
      .http()
      .patch('/api/admin/documents/status')
      .set(admin.auth)
      .send({ documentId: upload.body.id, status: 'approved' });
    expect((await api.http().get(`${CHILDMINDERS}/${id}`)).body.badges).toEqual(['dbs_certificate']);

    const document = await api.dataSource.getRepository(Document).findOneByOrFail({ id: upload.body.id });
    await api.app.get(FileStorage, { strict: false }).delete(document.storageKey);
    await api.app.get(UploadCleanupService, { strict: false }).reconcile();

    expect((await api.http().get(`${CHILDMINDERS}/${id}`)).body.badges).toEqual([]);
    expect((await profileRow(id)).complianceBadges).toBe('');
  });

  it("the migration's backfill gives existing profiles the standing the app keeps", async () => {
    // One more childminder whose first aid counts by its issue date and the requirement's validity.
    const minder = await api.given.signedIn(Role.Childminder);
    await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ postcode: 'PH44 4RS', displayName: 'Catriona Canna' }));
    const upload = await uploadDocument(api, minder, {
      fields: { type: 'first_aid_certificate', name: 'First aid', issuedOn: '2024-01-31' },
    });
    expect(upload.status).toBe(201);
    await api
      .http()
      .patch('/api/admin/documents/status')
      .set(admin.auth)
      .send({ documentId: upload.body.id, status: 'approved' });

    const profiles = api.dataSource.getRepository(ChildminderProfile);
    const standings = async () =>
      (await profiles.find({ select: { userId: true, complianceBadges: true, compliantThrough: true } }))
        .map((p) => `${p.userId} ${p.complianceBadges} ${p.compliantThrough}`)
        .sort();
    const kept = await standings();
    expect(kept.some((s) => s.includes('first_aid_certificate:2027-01-30'))).toBe(true);
    await profiles.createQueryBuilder().update().set({ complianceBadges: '', compliantThrough: null }).execute();
    const runner = api.dataSource.createQueryRunner();
    try {
      await backfillComplianceStandings(runner);
    } finally {
      await runner.release();
    }
    expect(await standings()).toEqual(kept);
  });
});
