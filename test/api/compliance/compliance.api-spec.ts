import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { ComplianceReminderSent } from '@app/modules/compliance/entities/compliance-reminder-sent.entity';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { uploadDocument } from '../documents/support';
import { standingsRecomputed } from './support';

jest.setTimeout(60_000);

const ADMIN_COMPLIANCE = '/api/admin/compliance';
const CHECK = '/api/compliance/check-expirations';
const ukDate = (days: number) => DateTime.now().setZone('Europe/London').startOf('day').plus({ days }).toISODate()!;
const FAR = ukDate(700);

const MANDATORY = [
  'ofsted_registration',
  'dbs_certificate',
  'first_aid_certificate',
  'public_liability_insurance',
  'safeguarding_training',
] as const;

describe('Compliance: requirements, status, reminders and overrides', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api.close());

  /** The childminder uploads one document per mandatory type; an admin approves each. */
  async function compliantChildminder(expiries: Partial<Record<(typeof MANDATORY)[number], string>> = {}) {
    const minder = await api.given.signedIn(Role.Childminder, { firstName: 'Amara' });
    const ids: Record<string, string> = {};
    for (const type of MANDATORY) {
      const fields: Record<string, string> = { type, name: `My ${type}` };
      if (expiries[type] ?? !['ofsted_registration', 'dbs_certificate'].includes(type)) {
        fields.expiresOn = expiries[type] ?? FAR;
      }
      const upload = await uploadDocument(api, minder, { fields });
      expect(upload.status).toBe(201);
      const approved = await api
        .http()
        .patch('/api/admin/documents/status')
        .set(admin.auth)
        .send({ documentId: upload.body.id, status: 'approved' });
      expect(approved.status).toBe(200);
      ids[type] = upload.body.id as string;
    }
    return { minder, ids };
  }

  async function statusOf(userId: string, status?: string) {
    const items: { userId: string; status: string; computedStatus: string; override: unknown }[] = [];
    for (let page = 1; ; page++) {
      const res = await api.http().get(ADMIN_COMPLIANCE).query({ page, pageSize: 100, status }).set(admin.auth);
      expect(res.status).toBe(200);
      items.push(...res.body.childminders.items);
      if (page * 100 >= res.body.childminders.total) break;
    }
    return items.find((row) => row.userId === userId);
  }

  it('the default requirements exist for childminders', async () => {
    const res = await api.http().get(ADMIN_COMPLIANCE).set(admin.auth);
    expect(res.status).toBe(200);
    const byType = Object.fromEntries(
      res.body.requirements
        .filter((r: { role: string }) => r.role === 'childminder')
        .map((r: { documentType: string }) => [r.documentType, r]),
    );
    expect(byType.first_aid_certificate).toMatchObject({
      mandatory: true,
      validityMonths: 36,
      reminderDays: [30, 14, 7],
    });
    expect(byType.public_liability_insurance).toMatchObject({ validityMonths: 12, reminderDays: [30, 14, 7] });
    expect(byType.safeguarding_training).toMatchObject({ validityMonths: 36 });
    expect(byType.ofsted_registration).toMatchObject({ mandatory: true, validityMonths: null, active: true });
    expect(byType.dbs_certificate).toMatchObject({ mandatory: true, validityMonths: null });
  });

  it('a new childminder is non-compliant; with every mandatory document approved, compliant', async () => {
    const newcomer = await api.given.signedIn(Role.Childminder);
    expect(await statusOf(newcomer.user.id)).toMatchObject({ status: 'non_compliant', override: null });

    const { minder } = await compliantChildminder();
    expect(await statusOf(minder.user.id)).toMatchObject({ status: 'compliant', computedStatus: 'compliant' });
    expect(await statusOf(minder.user.id, 'compliant')).toBeDefined();
    expect(await statusOf(minder.user.id, 'non_compliant')).toBeUndefined();
  });

  it('insurance expiring in 20 days: expiring, one reminder, and a second run sends nothing more', async () => {
    const { minder, ids } = await compliantChildminder({ public_liability_insurance: ukDate(20) });
    expect(await statusOf(minder.user.id, 'expiring')).toMatchObject({ status: 'expiring' });

    const listed = await api.http().get(CHECK).set(admin.auth);
    expect(listed.status).toBe(200);
    const mine = listed.body.users.find((u: { userId: string }) => u.userId === minder.user.id);
    expect(mine.items).toEqual([
      expect.objectContaining({
        documentId: ids.public_liability_insurance,
        state: 'expiring',
        daysLeft: 20,
        expiresOn: ukDate(20),
      }),
    ]);

    const first = await api.http().post(CHECK).set(admin.auth);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ran: true, remindersSent: expect.any(Number) });
    expect(first.body.remindersSent).toBeGreaterThanOrEqual(1);
    const reminders = (await api.outbox.to(minder.email)).filter((e) => e.template === 'document-expiring');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain('My public_liability_insurance');
    expect(reminders[0]!.text).toContain('in 20 days');

    const second = await api.http().post(CHECK).set(admin.auth);
    expect(second.status).toBe(200);
    expect((await api.outbox.to(minder.email)).filter((e) => e.template === 'document-expiring')).toHaveLength(1);
    const rows = await api.dataSource
      .getRepository(ComplianceReminderSent)
      .findBy({ documentId: ids.public_liability_insurance });
    expect(rows.map((r) => r.thresholdDays)).toEqual([30]);
  });

  it('a document counts through its expiry date and not a day later', async () => {
    const lastDay = await compliantChildminder({ first_aid_certificate: ukDate(0) });
    expect(await statusOf(lastDay.minder.user.id)).toMatchObject({ status: 'expiring' });

    const { minder, ids } = await compliantChildminder({ first_aid_certificate: ukDate(-1) });
    expect(await statusOf(minder.user.id)).toMatchObject({ status: 'non_compliant' });

    const run = await api.http().post(CHECK).set(admin.auth);
    expect(run.body.expiredDocumentIds).toContain(ids.first_aid_certificate);
    const listed = await api.http().get(CHECK).set(admin.auth);
    const mine = listed.body.users.find((u: { userId: string }) => u.userId === minder.user.id);
    expect(mine.items).toEqual([
      expect.objectContaining({ documentId: ids.first_aid_certificate, state: 'expired', daysLeft: -1 }),
    ]);
    // No reminder for a document that has already expired.
    expect((await api.outbox.to(minder.email)).filter((e) => e.template === 'document-expiring')).toEqual([]);
  });

  it('an admin override wins over the documents, and clearing it restores the computed status', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const set = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ override: { userId: minder.user.id, status: 'compliant', reason: 'Ofsted confirmed by phone' } });
    expect(set.status).toBe(200);
    expect(set.body.childminder).toMatchObject({
      status: 'compliant',
      computedStatus: 'non_compliant',
      override: { status: 'compliant', reason: 'Ofsted confirmed by phone', adminId: admin.user.id },
    });
    expect(await statusOf(minder.user.id, 'compliant')).toMatchObject({ status: 'compliant' });

    const noReason = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ override: { userId: minder.user.id, status: 'compliant' } });
    expect(noReason.status).toBe(400);

    const cleared = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ override: { userId: minder.user.id, status: null, reason: 'Back to the documents' } });
    expect(cleared.body.childminder).toMatchObject({ status: 'non_compliant', override: null });
  });

  it('an admin creates a requirement and changes it; duplicates and mixed PATCH bodies are refused', async () => {
    const created = await api
      .http()
      .post(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ role: 'parent', documentType: 'other', mandatory: false, validityMonths: 12, reminderDays: [7, 30] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      role: 'parent',
      documentType: 'other',
      reminderDays: [30, 7],
      active: true,
      standingsRecomputing: true,
    });

    const duplicate = await api
      .http()
      .post(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ role: 'parent', documentType: 'other', mandatory: false, reminderDays: [] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('COMPLIANCE_REQUIREMENT_EXISTS');

    const changed = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ requirement: { id: created.body.id, active: false, validityMonths: null } });
    expect(changed.status).toBe(200);
    expect(changed.body.requirement).toMatchObject({
      id: created.body.id,
      active: false,
      validityMonths: null,
      standingsRecomputing: true,
    });
    await standingsRecomputed(api, admin);
    const unchanged = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({ requirement: { id: created.body.id } });
    expect(unchanged.body.requirement).toMatchObject({ id: created.body.id, standingsRecomputing: false });

    const both = await api
      .http()
      .patch(ADMIN_COMPLIANCE)
      .set(admin.auth)
      .send({
        requirement: { id: created.body.id, active: true },
        override: { userId: admin.user.id, status: 'compliant', reason: 'mixed' },
      });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('COMPLIANCE_ONE_CHANGE_REQUIRED');
  });

  it('childminders and parents get 403 on every compliance route', async () => {
    for (const role of [Role.Childminder, Role.Parent]) {
      const user = await api.given.signedIn(role);
      expect((await api.http().get(ADMIN_COMPLIANCE).set(user.auth)).status).toBe(403);
      expect((await api.http().post(CHECK).set(user.auth)).status).toBe(403);
      expect((await api.http().get(CHECK).set(user.auth)).status).toBe(403);
    }
    expect((await api.outbox.to(admin.email)).filter((e) => e.template === 'document-expiring')).toEqual([]);
  });
});
