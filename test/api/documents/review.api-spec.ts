import { utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { Document } from '@app/modules/documents/entities/document.entity';
import { UploadCleanupService } from '@app/modules/documents/upload-cleanup.service';
import { FileStorage } from '@app/modules/storage/file-storage';
import { tinyPdf } from '../../fixtures/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { asBuffer, document, DOCUMENTS, storedFiles, uploadDocument } from './support';

jest.setTimeout(60_000);

const ADMIN_DOCUMENTS = '/api/admin/documents';
const ukDate = (days: number) => DateTime.now().setZone('Europe/London').startOf('day').plus({ days }).toISODate()!;

describe('Admins verify documents; nobody else reaches them', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('another childminder cannot read, edit, download or delete a document: 404 as for a missing one', async () => {
    const owner = await api.given.signedIn(Role.Childminder);
    const other = await api.given.signedIn(Role.Childminder);
    const { body } = await uploadDocument(api, owner);

    const list = await api.http().get(DOCUMENTS).set(other.auth);
    expect(list.body.total).toBe(0);
    for (const response of [
      await api
        .http()
        .get(`${document(body.id)}/download`)
        .set(other.auth),
      await api.http().put(document(body.id)).set(other.auth).send({ name: 'Mine now' }),
      await api.http().delete(document(body.id)).set(other.auth),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('DOCUMENT_NOT_FOUND');
    }
    const missing = await api
      .http()
      .get(`${document(randomUUID())}/download`)
      .set(other.auth);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' });

    const untouched = await api.dataSource.getRepository(Document).findOneByOrFail({ id: body.id });
    expect(untouched.name).toBe('Paediatric first aid');
    expect(storedFiles(api)).toContain(untouched.storageKey);
  });

  it('an admin approves one document and rejects another with a reason; the owner is emailed each time', async () => {
    const owner = await api.given.signedIn(Role.Childminder, { firstName: 'Priya' });
    const admin = await api.given.signedIn(Role.Admin);
    const first = await uploadDocument(api, owner);
    const second = await uploadDocument(api, owner, {
      fields: { type: 'public_liability_insurance', name: 'Insurance 2026' },
    });

    const queue = await api
      .http()
      .get(ADMIN_DOCUMENTS)
      .query({ status: 'pending', userId: owner.user.id })
      .set(admin.auth);
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(queue.body.items[0]).toMatchObject({
      id: first.body.id,
      status: 'pending',
      owner: { id: owner.user.id, email: owner.email, displayName: expect.stringContaining('Priya') },
    });

    const approved = await api
      .http()
      .patch(`${ADMIN_DOCUMENTS}/status`)
      .set(admin.auth)
      .send({ documentId: first.body.id, status: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      reviewedById: admin.user.id,
      reviewedAt: expect.any(String),
    });
    const approval = await api.outbox.latest(owner.email, 'document-approved');
    expect(approval.subject).toBe('Your document was approved: Paediatric first aid');
    expect(approval.text).toContain('Hello Priya');

    const noReason = await api
      .http()
      .patch(`${ADMIN_DOCUMENTS}/status`)
      .set(admin.auth)
      .send({ documentId: second.body.id, status: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await api.outbox.to(owner.email)).filter((e) => e.template === 'document-rejected')).toEqual([]);

    const rejected = await api
      .http()
      .patch(`${ADMIN_DOCUMENTS}/status`)
      .set(admin.auth)
      .send({ documentId: second.body.id, status: 'rejected', reason: 'The policy number is not readable.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewReason: 'The policy number is not readable.' });
    const rejection = await api.outbox.latest(owner.email, 'document-rejected');
    expect(rejection.text).toContain('The policy number is not readable.');
    expect(rejection.text).toContain('/childminder/documents');

    // The owner sees the outcome and the reason.
    const mine = await api.http().get(DOCUMENTS).set(owner.auth);
    expect(mine.body.items.map((d: { status: string }) => d.status).sort()).toEqual(['approved', 'rejected']);

    const approvedOnly = await api
      .http()
      .get(ADMIN_DOCUMENTS)
      .query({ status: 'approved', userId: owner.user.id })
      .set(admin.auth);
    expect(approvedOnly.body.items.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
  });

  it('an admin download is an attachment with the right type, and it is audited', async () => {
    const owner = await api.given.signedIn(Role.Childminder);
    const admin = await api.given.signedIn(Role.SuperAdmin);
    const pdf = tinyPdf('DBS');
    const { body } = await uploadDocument(api, owner, { file: pdf, filename: 'DBS Müller.pdf' });

    const download = await api
      .http()
      .get(`${ADMIN_DOCUMENTS}/download`)
      .query({ documentId: body.id })
      .set(admin.auth)
      .buffer(true)
      .parse(asBuffer);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="DBS M_ller.pdf"; filename*=UTF-8''DBS%20M%C3%BCller.pdf`,
    );
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);

    const detail = await api.http().get(`${ADMIN_DOCUMENTS}/${body.id}`).set(admin.auth);
    expect(detail.status).toBe(200);
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { actorId: admin.user.id }, order: { createdAt: 'ASC' } });
    expect(audit.map((a) => [a.action, a.subjectId, a.ownerId])).toEqual([
      ['document.download', body.id, owner.user.id],
      ['document.read', body.id, owner.user.id],
    ]);

    const bad = await api.http().get(`${ADMIN_DOCUMENTS}/download`).query({ documentId: 'x' }).set(admin.auth);
    expect(bad.status).toBe(400);
  });

  it('admins filter by type and expiry, correct details (audited), and delete with the file', async () => {
    const owner = await api.given.signedIn(Role.Childminder);
    const admin = await api.given.signedIn(Role.Admin);
    const soon = await uploadDocument(api, owner, {
      fields: { type: 'first_aid_certificate', name: 'Soon', expiresOn: ukDate(10) },
    });
    await uploadDocument(api, owner, {
      fields: { type: 'first_aid_certificate', name: 'Later', expiresOn: ukDate(90) },
    });
    await uploadDocument(api, owner, { fields: { type: 'dbs_certificate', name: 'No expiry' } });

    const expiring = await api
      .http()
      .get(ADMIN_DOCUMENTS)
      .query({ userId: owner.user.id, expiringWithinDays: 30 })
      .set(admin.auth);
    expect(expiring.body.items.map((d: { name: string }) => d.name)).toEqual(['Soon']);
    const dbs = await api
      .http()
      .get(ADMIN_DOCUMENTS)
      .query({ userId: owner.user.id, type: 'dbs_certificate' })
      .set(admin.auth);
    expect(dbs.body.items.map((d: { name: string }) => d.name)).toEqual(['No expiry']);
    const bad = await api.http().get(ADMIN_DOCUMENTS).query({ expiringWithinDays: -1, status: 'lost' }).set(admin.auth);
    expect(bad.status).toBe(400);

    const corrected = await api
      .http()
      .patch(`${ADMIN_DOCUMENTS}/${soon.body.id}`)
      .set(admin.auth)
      .send({ name: 'First aid (corrected)' });
    expect(corrected.body).toMatchObject({ name: 'First aid (corrected)', status: 'pending' });

    const row = await api.dataSource.getRepository(Document).findOneByOrFail({ id: soon.body.id });
    const removed = await api.http().delete(`${ADMIN_DOCUMENTS}/${soon.body.id}`).set(admin.auth);
    expect(removed.status).toBe(204);
    expect(storedFiles(api)).not.toContain(row.storageKey);
    expect((await api.http().get(`${ADMIN_DOCUMENTS}/${soon.body.id}`).set(admin.auth)).status).toBe(404);
    const actions = (await api.dataSource.getRepository(AuditEntry).find({ where: { actorId: admin.user.id } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['document.delete', 'document.update']);
  });

  it('the cleanup job removes files with no record and records with no file, and nothing else', async () => {
    const owner = await api.given.signedIn(Role.Childminder);
    const kept = await uploadDocument(api, owner, { fields: { type: 'other', name: 'Kept' } });
    const lost = await uploadDocument(api, owner, { fields: { type: 'other', name: 'Lost file' } });
    const lostRow = await api.dataSource.getRepository(Document).findOneByOrFail({ id: lost.body.id });
    await api.app.get(FileStorage, { strict: false }).delete(lostRow.storageKey);

    const dir = join(api.config.dataDir, 'uploads', 'documents');
    mkdirSync(dir, { recursive: true });
    const orphan = `documents/${randomUUID()}`;
    const fresh = `documents/${randomUUID()}`;
    writeFileSync(join(api.config.dataDir, 'uploads', orphan), 'left by a crash');
    writeFileSync(join(api.config.dataDir, 'uploads', fresh), 'an upload still in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(api.config.dataDir, 'uploads', orphan), twoHoursAgo, twoHoursAgo);
    const keptRow = await api.dataSource.getRepository(Document).findOneByOrFail({ id: kept.body.id });
    utimesSync(join(api.config.dataDir, 'uploads', keptRow.storageKey), twoHoursAgo, twoHoursAgo);

    const summary = await api.app.get(UploadCleanupService, { strict: false }).reconcile();
    expect(summary).toMatchObject({ orphanFilesRemoved: 1 });
    expect(summary.documentsWithoutFileRemoved).toBeGreaterThanOrEqual(1);
    const files = storedFiles(api);
    expect(files).not.toContain(orphan);
    expect(files).toContain(fresh);
    expect(files).toContain(keptRow.storageKey);
    expect(await api.dataSource.getRepository(Document).findOneBy({ id: lost.body.id })).toBeNull();
    expect(await api.dataSource.getRepository(Document).findOneBy({ id: kept.body.id })).not.toBeNull();
  });
});
