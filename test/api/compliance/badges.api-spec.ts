import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { ComplianceReminderSent } from '@app/modules/compliance/entities/compliance-reminder-sent.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { CHILDMINDERS, completeProfileBody, OWN_PROFILE } from '../childminders/support';
import { uploadDocument } from '../documents/support';

jest.setTimeout(60_000);

const SEARCH = `${CHILDMINDERS}/search`;
const OWN_COMPLIANCE = '/api/user/compliance';
const ukDate = (days: number) => DateTime.now().setZone('Europe/London').startOf('day').plus({ days }).toISODate()!;

/**
 * Badges and the checklist, as users meet them: a childminder in a rare district (so that searches
 * see only this story's profiles) uploads documents, an admin reviews them, parents search.
 */
describe('Compliance badges, verified-only search and the childminder checklist', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api.close());

  async function listedChildminder(postcode: string, displayName: string) {
    const minder = await api.given.signedIn(Role.Childminder);
    const saved = await api
      .http()
      .patch(OWN_PROFILE)
      .set(minder.auth)
      .send(completeProfileBody({ postcode, displayName }));
    expect(saved.status).toBe(200);
    expect(saved.body.listed).toBe(true);
    return { minder, profileId: saved.body.id as string };
  }

  async function approvedDocument(minder: SignedInUser, type: string, expiresOn?: string) {
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
  }

  const searchAround = async (postcode: string, query: Record<string, unknown> = {}) => {
    const res = await api
      .http()
      .get(SEARCH)
      .query({ postcode, radiusMiles: 1, ...query });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; badges: string[] }[];
  };

  it('approving a document puts its badge on the profile and in search; a pending one does not', async () => {
    const { minder, profileId } = await listedChildminder('TR21 0HE', 'Tamsin Scilly');
    const pending = await uploadDocument(api, minder, { fields: { type: 'dbs_certificate', name: 'DBS' } });
    expect(pending.status).toBe(201);
    expect((await api.http().get(`${CHILDMINDERS}/${profileId}`)).body.badges).toEqual([]);

    await approvedDocument(minder, 'first_aid_certificate', ukDate(400));

    const profile = await api.http().get(`${CHILDMINDERS}/${profileId}`);
    expect(profile.body.badges).toEqual(['first_aid_certificate']);
    const hit = (await searchAround('TR21 0HE')).find((r) => r.id === profileId);
    expect(hit?.badges).toEqual(['first_aid_certificate']);
  });

  it('a badge is shown through the last valid day and is gone the day after; the status turns non-compliant', async () => {
    const lastDay = await listedChildminder('HS9 5XX', 'Morag Barra');
    await approvedDocument(lastDay.minder, 'public_liability_insurance', ukDate(0));
    expect((await api.http().get(`${CHILDMINDERS}/${lastDay.profileId}`)).body.badges).toEqual([
      'public_liability_insurance',
    ]);

    const lapsed = await listedChildminder('HS9 5XY', 'Iona Barra');
    const id = await approvedDocument(lapsed.minder, 'public_liability_insurance', ukDate(-1));
    expect((await api.http().get(`${CHILDMINDERS}/${lapsed.profileId}`)).body.badges).toEqual([]);

    const own = await api.http().get(OWN_COMPLIANCE).set(lapsed.minder.auth);
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('non_compliant');
    expect(own.body.badges).toEqual([]);
    expect(own.body.checklist).toContainEqual(
      expect.objectContaining({
        documentType: 'public_liability_insurance',
        state: 'expired',
        documentId: id,
        validUntil: ukDate(-1),
        daysLeft: -1,
      }),
    );
  });

  it('the daily check tells the owner once that a document has expired', async () => {
    const { minder } = await listedChildminder('KW16 3AA', 'Shona Stromness');
    const id = await approvedDocument(minder, 'first_aid_certificate', ukDate(-3));

    for (let run = 0; run < 2; run++) {
      const res = await api.http().post('/api/compliance/check-expirations').set(admin.auth);
      expect(res.status).toBe(200);
      expect(res.body.expiredDocumentIds).toContain(id);
    }
    const notices = (await api.outbox.to(minder.email)).filter((e) => e.template === 'document-expired');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('Your document has expired: My first_aid_certificate');
    const marks = await api.dataSource.getRepository(ComplianceReminderSent).findBy({ documentId: id });
    expect(marks.map((m) => m.thresholdDays)).toEqual([-1]);
  });

  it('the checklist shows each requirement: missing, pending, approved', async () => {
    const { minder } = await listedChildminder('KW17 2AA', 'Ingrid Orkney');
    await uploadDocument(api, minder, { fields: { type: 'dbs_certificate', name: 'DBS' } });
    const firstAid = await approvedDocument(minder, 'first_aid_certificate', ukDate(500));

    const res = await api.http().get(OWN_COMPLIANCE).set(minder.auth);
    expect(res.status).toBe(200);
    const state = Object.fromEntries(
      (res.body.checklist as { documentType: string; state: string }[]).map((i) => [i.documentType, i.state]),
    );
    expect(state).toEqual({
      ofsted_registration: 'missing',
      dbs_certificate: 'pending',
      first_aid_certificate: 'approved',
      public_liability_insurance: 'missing',
      safeguarding_training: 'missing',
    });
    expect(
      res.body.checklist.find((i: { documentType: string }) => i.documentType === 'first_aid_certificate'),
    ).toMatchObject({ documentId: firstAid, validUntil: ukDate(500), mandatory: true, label: expect.any(String) });
    expect(res.body.status).toBe('non_compliant');

    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().get(OWN_COMPLIANCE).set(parent.auth)).status).toBe(403);
  });

  it('verified-only searches and the hide-non-compliant setting leave out non-compliant childminders', async () => {
    const verified = await listedChildminder('IV51 9AA', 'Flora Skye');
    for (const type of ['ofsted_registration', 'dbs_certificate']) await approvedDocument(verified.minder, type);
    for (const type of ['first_aid_certificate', 'public_liability_insurance', 'safeguarding_training']) {
      await approvedDocument(verified.minder, type, ukDate(600));
    }
    const unverified = await listedChildminder('IV51 9AB', 'Kirsty Skye');

    const everyone = (await searchAround('IV51 9AA')).map((r) => r.id);
    expect(everyone).toEqual(expect.arrayContaining([verified.profileId, unverified.profileId]));
    const onlyVerified = await api
      .http()
      .get(SEARCH)
      .query({ postcode: 'IV51 9AA', radiusMiles: 1, verifiedOnly: true });
    expect(onlyVerified.body.items.map((r: { id: string }) => r.id)).toEqual([verified.profileId]);
    expect(onlyVerified.body.total).toBe(1);
    expect(onlyVerified.body.items[0].badges).toEqual([
      'ofsted_registration',
      'dbs_certificate',
      'first_aid_certificate',
      'public_liability_insurance',
      'safeguarding_training',
    ]);
    const bad = await api.http().get(SEARCH).query({ postcode: 'IV51 9AA', verifiedOnly: 'perhaps' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'verifiedOnly' }));

    const hide = await api
      .http()
      .patch('/api/admin/compliance')
      .set(admin.auth)
      .send({ settings: { hideNonCompliantFromSearch: true } });
    expect(hide.status).toBe(200);
    expect(hide.body.settings).toEqual({ hideNonCompliantFromSearch: true });
    try {
      expect((await searchAround('IV51 9AA')).map((r) => r.id)).toEqual([verified.profileId]);
      const overview = await api.http().get('/api/admin/compliance').set(admin.auth);
      expect(overview.body.settings).toEqual({ hideNonCompliantFromSearch: true });
    } finally {
      await api
        .http()
        .patch('/api/admin/compliance')
        .set(admin.auth)
        .send({ settings: { hideNonCompliantFromSearch: false } });
    }
    expect((await searchAround('IV51 9AA')).map((r) => r.id)).toContain(unverified.profileId);
  });
});
