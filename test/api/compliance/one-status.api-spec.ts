import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { uploadDocument } from '../documents/support';

jest.setTimeout(60_000);

const OWN_COMPLIANCE = '/api/user/compliance';
const ukDate = (days: number) => DateTime.now().setZone('Europe/London').startOf('day').plus({ days }).toISODate()!;

interface Standing {
  documentId: string;
  state: string;
  validUntil: string | null;
  daysLeft: number | null;
}

/**
 * One compliance status, computed in one place: the checklist, each document's standing (the
 * documents list's chip), the childminder's status and the admin overview all agree.
 */
describe('A childminder whose first-aid certificate expired sees it as expired everywhere', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api.close());

  async function reviewed(minder: SignedInUser, type: string, expiresOn: string | null, status = 'approved') {
    const upload = await uploadDocument(api, minder, {
      fields: { type, name: `My ${type}`, ...(expiresOn ? { expiresOn } : {}) },
    });
    expect(upload.status).toBe(201);
    if (status !== 'pending') {
      const review = await api
        .http()
        .patch('/api/admin/documents/status')
        .set(admin.auth)
        .send({ documentId: upload.body.id, status, ...(status === 'rejected' ? { reason: 'Unreadable scan' } : {}) });
      expect(review.status).toBe(200);
    }
    return upload.body.id as string;
  }

  it('the checklist, the document standing, her status and the admin overview agree', async () => {
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Esme', lastName: 'Lapsed' });
    const ofsted = await reviewed(minder, 'ofsted_registration', null);
    const dbs = await reviewed(minder, 'dbs_certificate', ukDate(700));
    const insurance = await reviewed(minder, 'public_liability_insurance', ukDate(20));
    const firstAid = await reviewed(minder, 'first_aid_certificate', ukDate(-2));
    const rejected = await reviewed(minder, 'safeguarding_training', ukDate(300), 'rejected');

    const own = await api.http().get(OWN_COMPLIANCE).set(minder.auth);
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('non_compliant');
    const checklist = Object.fromEntries(
      (own.body.checklist as { documentType: string; state: string }[]).map((i) => [i.documentType, i.state]),
    );
    expect(checklist.first_aid_certificate).toBe('expired');

    const standing = new Map((own.body.documents as Standing[]).map((d) => [d.documentId, d]));
    expect(standing.get(firstAid)).toEqual({
      documentId: firstAid,
      state: 'expired',
      validUntil: ukDate(-2),
      daysLeft: -2,
    });
    expect(standing.get(ofsted)).toMatchObject({ state: 'approved', validUntil: null });
    expect(standing.get(dbs)).toMatchObject({ state: 'approved', validUntil: ukDate(700) });
    expect(standing.get(insurance)).toMatchObject({ state: 'expiring', daysLeft: 20 });
    expect(standing.get(rejected)).toMatchObject({ state: 'rejected' });
    // Every requirement's state is the standing of the document it comes from.
    for (const item of own.body.checklist as { documentId: string | null; state: string }[]) {
      if (item.documentId) expect(standing.get(item.documentId)?.state).toBe(item.state);
    }
    expect(own.body.badges).not.toContain('first_aid_certificate');

    // Every page of the non-compliant list (the stories share a database: there may be many).
    const nonCompliant: string[] = [];
    for (let page = 1; ; page++) {
      const overview = await api
        .http()
        .get('/api/admin/compliance')
        .query({ status: 'non_compliant', pageSize: 100, page })
        .set(admin.auth);
      expect(overview.status).toBe(200);
      const items = overview.body.childminders.items as { userId: string }[];
      nonCompliant.push(...items.map((r) => r.userId));
      if (items.length < 100) break;
    }
    expect(nonCompliant).toContain(minder.user.id);

    // The renewal arrives and is approved: the old certificate stays expired, the status recovers.
    const renewal = await reviewed(minder, 'first_aid_certificate', ukDate(900));
    await reviewed(minder, 'safeguarding_training', ukDate(300));
    const after = await api.http().get(OWN_COMPLIANCE).set(minder.auth);
    const afterStanding = new Map((after.body.documents as Standing[]).map((d) => [d.documentId, d.state]));
    expect(afterStanding.get(firstAid)).toBe('expired');
    expect(afterStanding.get(renewal)).toBe('approved');
    expect(after.body.status).toBe('expiring');
  });
});
