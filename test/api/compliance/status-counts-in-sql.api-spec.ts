import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { statusOnDay } from '@app/modules/compliance/compliance-status';
import { backfillExpiringFrom } from '../../../migrations/shared/expiring-from-backfill';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { completeProfileBody, OWN_PROFILE } from '../childminders/support';
import { uploadDocument } from '../documents/support';

jest.setTimeout(120_000);

const ukDate = (days: number) => DateTime.now().setZone('Europe/London').startOf('day').plus({ days }).toISODate()!;

/**
 * The admin dashboard counts childminders by compliance status in SQL, from the standing the
 * childminders module keeps on each profile (compliantThrough, expiringFrom). The counts must be
 * exactly what computing every childminder's status from her documents gives (the admin
 * overview's rows), including the cases the stored columns make awkward.
 */
describe('Compliance counts from stored standings equal the per-childminder statuses', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api.close());

  async function approved(minder: SignedInUser, type: string, expiresOn: string | null) {
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
  }

  async function childminder(name: string, withProfile: boolean) {
    const minder = await api.given.signedIn(Role.Childminder, { firstName: name, lastName: 'Counted' });
    if (withProfile) {
      const saved = await api
        .http()
        .patch(OWN_PROFILE)
        .set(minder.auth)
        .send(completeProfileBody({ postcode: 'PH44 4RS', displayName: `${name} Counted` }));
      expect(saved.status).toBe(200);
    }
    return minder;
  }

  /** Every badge type approved; `firstAid` is the first-aid certificate's expiry (null: none). */
  async function documented(minder: SignedInUser, firstAid: string | null) {
    await approved(minder, 'ofsted_registration', null);
    await approved(minder, 'dbs_certificate', null);
    await approved(minder, 'public_liability_insurance', ukDate(400));
    await approved(minder, 'safeguarding_training', ukDate(500));
    await approved(minder, 'first_aid_certificate', firstAid);
  }

  async function override(minder: SignedInUser, status: string) {
    const res = await api
      .http()
      .patch('/api/admin/compliance')
      .set(admin.auth)
      .send({ override: { userId: minder.user.id, status, reason: 'Seen in person' } });
    expect(res.status).toBe(200);
  }

  /** The overview's rows (each status computed from her documents and override), in its order. */
  async function perChildminder(status?: string): Promise<Map<string, string>> {
    const statuses = new Map<string, string>();
    for (let page = 1; ; page++) {
      const res = await api
        .http()
        .get('/api/admin/compliance')
        .query({ page, pageSize: 2, ...(status ? { status } : {}) })
        .set(admin.auth);
      expect(res.status).toBe(200);
      const { items, total } = res.body.childminders as { items: { userId: string; status: string }[]; total: number };
      for (const item of items) statuses.set(item.userId, item.status);
      if (page * 2 >= total) return statuses;
    }
  }

  async function dashboardCounts(): Promise<Record<string, number>> {
    const res = await api.http().get('/api/admin/dashboard').set(admin.auth);
    expect(res.status).toBe(200);
    return res.body.compliance as Record<string, number>;
  }

  const tally = (statuses: Iterable<string>) => {
    const counts: Record<string, number> = { compliant: 0, expiring: 0, non_compliant: 0 };
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  };

  it('overrides, childminders without a profile and a certificate ending today are counted as computed', async () => {
    const endsToday = await childminder('Tess', true);
    await documented(endsToday, ukDate(0));
    const endsTomorrowFar = await childminder('Farah', true);
    await documented(endsTomorrowFar, ukDate(300));
    const endedYesterday = await childminder('Yara', true);
    await documented(endedYesterday, ukDate(-1));
    const overriddenExpiring = await childminder('Olive', true);
    await override(overriddenExpiring, 'expiring');
    const overriddenCompliant = await childminder('Cora', true);
    await documented(overriddenCompliant, ukDate(3));
    await override(overriddenCompliant, 'compliant');
    const overriddenNon = await childminder('Nell', true);
    await documented(overriddenNon, null);
    await override(overriddenNon, 'non_compliant');
    const noProfileDocumented = await childminder('Pia', false);
    await documented(noProfileDocumented, null);
    const noProfileExpiring = await childminder('Quinn', false);
    await override(noProfileExpiring, 'expiring');
    await childminder('Rhea', false);

    const statuses = await perChildminder();
    expect(statuses.get(endsToday.user.id)).toBe('expiring');
    expect(statuses.get(endsTomorrowFar.user.id)).toBe('compliant');
    expect(statuses.get(endedYesterday.user.id)).toBe('non_compliant');
    expect(statuses.get(overriddenExpiring.user.id)).toBe('expiring');
    expect(statuses.get(overriddenCompliant.user.id)).toBe('compliant');
    expect(statuses.get(overriddenNon.user.id)).toBe('non_compliant');
    expect(statuses.get(noProfileDocumented.user.id)).toBe('compliant');
    expect(statuses.get(noProfileExpiring.user.id)).toBe('expiring');

    expect(await dashboardCounts()).toEqual(tally(statuses.values()));
    // The overview filtered by status (in SQL, page by page) lists the same childminders in the same order.
    for (const status of ['compliant', 'expiring', 'non_compliant']) {
      const filtered = [...(await perChildminder(status)).entries()];
      expect(filtered).toEqual([...statuses.entries()].filter(([, s]) => s === status));
    }

    // Each stored standing gives today the status computed from the documents.
    const profiles = api.dataSource.getRepository(ChildminderProfile);
    const rows = await profiles.find({ select: { userId: true, compliantThrough: true, expiringFrom: true } });
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const stored = (userId: string) => rows.find((row) => row.userId === userId)?.expiringFrom;
    expect(stored(overriddenExpiring.user.id)).toBe('1000-01-01');
    expect(stored(endsToday.user.id)! <= ukDate(0)).toBe(true);
    expect(stored(endsTomorrowFar.user.id)! > ukDate(0)).toBe(true);
    for (const row of rows)
      expect([row.userId, statusOnDay(row, ukDate(0))]).toEqual([row.userId, statuses.get(row.userId)]);

    // The migration's backfill gives existing profiles the same expiringFrom the app keeps.
    const kept = (await profiles.find({ select: { userId: true, expiringFrom: true } }))
      .map((p) => `${p.userId} ${p.expiringFrom}`)
      .sort();
    await profiles.createQueryBuilder().update().set({ expiringFrom: null }).execute();
    const runner = api.dataSource.createQueryRunner();
    try {
      await backfillExpiringFrom(runner);
    } finally {
      await runner.release();
    }
    expect(
      (await profiles.find({ select: { userId: true, expiringFrom: true } }))
        .map((p) => `${p.userId} ${p.expiringFrom}`)
        .sort(),
    ).toEqual(kept);
  });
});
