import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { Role } from '@app/common/auth/role';
import { Document } from '@app/modules/documents/entities/document.entity';
import { elfExecutable, hasGpsIfd, jpeg, jpegWithGps, pdfOfSize, png, tinyPdf, webp } from '../../fixtures/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { asBuffer, document, DOCUMENTS, STORAGE_KEY, storedFiles, uploadDocument } from './support';

jest.setTimeout(60_000);

const MB = 1024 * 1024;

describe('A childminder uploads compliance documents and a profile photo', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const rowsOf = (userId: string) => api.dataSource.getRepository(Document).find({ where: { userId } });

  it.each([
    ['a PDF', () => Promise.resolve(tinyPdf()), 'certificate.pdf', 'application/pdf'],
    ['a JPEG scan', () => jpeg(), 'scan.jpg', 'image/jpeg'],
    ['a PNG scan', () => png(), 'scan.png', 'image/png'],
  ])('uploads %s, sees it pending in the list, and downloads the same bytes', async (_kind, make, filename, type) => {
    const minder = await api.given.signedIn(Role.Childminder);
    const file = await make();
    const uploaded = await uploadDocument(api, minder, {
      file,
      filename,
      // Whatever the browser claims, the stored type is the sniffed one.
      contentType: 'application/octet-stream',
      fields: {
        type: 'dbs_certificate',
        name: '  Enhanced DBS  ',
        description: 'Update service',
        issuedOn: '2025-01-10',
        expiresOn: '2028-01-10',
      },
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      type: 'dbs_certificate',
      name: 'Enhanced DBS',
      description: 'Update service',
      issuedOn: '2025-01-10',
      expiresOn: '2028-01-10',
      originalFileName: filename,
      contentType: type,
      sizeBytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      status: 'pending',
      reviewReason: null,
      reviewedAt: null,
      downloadUrl: `/api/user/documents/${uploaded.body.id}/download`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const list = await api.http().get(DOCUMENTS).set(minder.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0].id).toBe(uploaded.body.id);

    const download = await api.http().get(uploaded.body.downloadUrl).set(minder.auth).buffer(true).parse(asBuffer);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe(type);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(Buffer.compare(download.body as Buffer, file)).toBe(0);
  });

  it('an oversize body is cut off with 413 and leaves neither a file nor a record', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const before = storedFiles(api);
    const response = await uploadDocument(api, minder, { file: pdfOfSize(10 * MB + 1) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'UPLOAD_TOO_LARGE', details: [{ field: 'file' }] });
    expect(response.body.message).toMatch(/10 MB/);
    expect(storedFiles(api)).toEqual(before);
    expect(await rowsOf(minder.user.id)).toEqual([]);

    // Exactly the limit is fine.
    const atLimit = await uploadDocument(api, minder, { file: pdfOfSize(10 * MB) });
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.sizeBytes).toBe(10 * MB);
  });

  it('an executable renamed .pdf is refused (415 naming file) and nothing is kept', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const before = storedFiles(api);
    const response = await uploadDocument(api, minder, { file: elfExecutable(), filename: 'invoice.pdf' });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'UPLOAD_UNSUPPORTED_TYPE', details: [{ field: 'file' }] });
    expect(storedFiles(api)).toEqual(before);
    expect(await rowsOf(minder.user.id)).toEqual([]);

    // A WebP photo is an image, but not an accepted document type.
    const webpDocument = await uploadDocument(api, minder, { file: await webp(), filename: 'scan.webp' });
    expect(webpDocument.status).toBe(415);
  });

  it('a hostile file name cannot escape storage: it is kept as metadata only', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const response = await uploadDocument(api, minder, { filename: '../../etc/passwd.pdf' });
    expect(response.status).toBe(201);
    expect(response.body.originalFileName).toBe('passwd.pdf');
    const [row] = await rowsOf(minder.user.id);
    expect(row!.storageKey).toMatch(STORAGE_KEY);
    expect(storedFiles(api)).toContain(row!.storageKey);
    const uploads = join(api.config.dataDir, 'uploads');
    for (const escaped of [
      resolve(uploads, '../../etc/passwd.pdf'),
      resolve(uploads, 'documents/../../etc/passwd.pdf'),
    ]) {
      expect(existsSync(escaped)).toBe(false);
    }
    expect(storedFiles(api).every((key) => STORAGE_KEY.test(key))).toBe(true);

    const windows = await uploadDocument(api, minder, { filename: '..\\..\\boot.ini\u202Efdp.exe.pdf' });
    expect(windows.status).toBe(201);
    expect(windows.body.originalFileName).toBe('boot.inifdp.exe.pdf');
  });

  it('refuses a request without a file, or with bad fields, naming the field and keeping nothing', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const noFile = await api.http().post(DOCUMENTS).set(minder.auth).field('type', 'other').field('name', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.details).toEqual([expect.objectContaining({ field: 'file' })]);

    const before = storedFiles(api);
    const badFields = await uploadDocument(api, minder, { fields: { type: 'passport', name: '', colour: 'red' } });
    expect(badFields.status).toBe(400);
    expect([...new Set(badFields.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'colour',
      'name',
      'type',
    ]);
    const badDates = await uploadDocument(api, minder, {
      fields: { type: 'other', name: 'Backwards', issuedOn: '2026-01-02', expiresOn: '2025-01-01' },
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.details).toEqual([expect.objectContaining({ field: 'expiresOn' })]);
    expect(storedFiles(api)).toEqual(before);
    expect(await rowsOf(minder.user.id)).toEqual([]);
  });

  it('the owner edits the details; a new expiry date sends an approved document back to review; delete removes the file', async () => {
    const minder = await api.given.signedIn(Role.Childminder);
    const admin = await api.given.signedIn(Role.Admin);
    const uploaded = await uploadDocument(api, minder);
    const approved = await api
      .http()
      .patch('/api/admin/documents/status')
      .set(admin.auth)
      .send({ documentId: uploaded.body.id, status: 'approved' });
    expect(approved.status).toBe(200);

    const renamed = await api
      .http()
      .put(document(uploaded.body.id))
      .set(minder.auth)
      .send({ name: 'First aid (2025)' });
    expect(renamed.body).toMatchObject({ name: 'First aid (2025)', status: 'approved' });
    const redated = await api.http().put(document(uploaded.body.id)).set(minder.auth).send({ expiresOn: '2029-01-01' });
    expect(redated.body).toMatchObject({ expiresOn: '2029-01-01', status: 'pending', reviewedAt: null });

    const [row] = await rowsOf(minder.user.id);
    expect(storedFiles(api)).toContain(row!.storageKey);
    const removed = await api.http().delete(document(uploaded.body.id)).set(minder.auth);
    expect(removed.status).toBe(204);
    expect(await rowsOf(minder.user.id)).toEqual([]);
    expect(storedFiles(api)).not.toContain(row!.storageKey);
  });

  it('a parent cannot upload documents', async () => {
    const parent = await api.given.signedIn(Role.Parent);
    const response = await uploadDocument(api, parent);
    expect(response.status).toBe(403);
  });

  describe('profile photos', () => {
    it('EXIF and GPS are gone from the stored photo, which is resized and served at its URL', async () => {
      const parent = await api.given.signedIn(Role.Parent);
      const photo = await jpegWithGps(1600, 1200);
      expect(hasGpsIfd((await sharp(photo).metadata()).exif)).toBe(true);

      const response = await api
        .http()
        .post('/api/user/profile-image')
        .set(parent.auth)
        .attach('file', photo, { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        url: expect.stringMatching(/^\/api\/profile-images\/[0-9a-f-]{36}$/),
        contentType: 'image/jpeg',
        width: 1024,
        height: 768,
        sizeBytes: expect.any(Number),
      });

      const served = await api.http().get(response.body.url).buffer(true).parse(asBuffer);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['cache-control']).toContain('immutable');
      const metadata = await sharp(served.body as Buffer).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
      expect(metadata.exif).toBeUndefined();
      expect(hasGpsIfd(metadata.exif)).toBe(false);
      // The file on disk is the same re-encoded one.
      const onDisk = storedFiles(api).filter((key) => key.startsWith('images/'));
      for (const key of onDisk) {
        expect((await sharp(join(api.config.dataDir, 'uploads', key)).metadata()).exif).toBeUndefined();
      }
    });

    it.each([
      ['PNG', () => png(), 'image/png'],
      ['WebP', () => webp(), 'image/webp'],
    ])('accepts a %s photo; a replacement retires the old URL and file', async (_kind, make, type) => {
      const user = await api.given.signedIn(Role.Childminder);
      const first = await api
        .http()
        .post('/api/user/profile-image')
        .set(user.auth)
        .attach('file', await make(), 'me.img');
      expect(first.status).toBe(201);
      expect(first.body.contentType).toBe(type);
      const filesAfterFirst = storedFiles(api);
      const second = await api
        .http()
        .post('/api/user/profile-image')
        .set(user.auth)
        .attach('file', await jpeg(), 'me.jpg');
      expect(second.status).toBe(201);
      expect(second.body.url).not.toBe(first.body.url);
      expect((await api.http().get(first.body.url)).status).toBe(404);
      expect((await api.http().get(second.body.url)).status).toBe(200);
      expect(storedFiles(api).length).toBe(filesAfterFirst.length);
    });

    it('refuses a PDF as a photo, and a photo over 5 MB', async () => {
      const user = await api.given.signedIn(Role.Admin);
      const pdf = await api.http().post('/api/admin/profile-image').set(user.auth).attach('file', tinyPdf(), 'me.jpg');
      expect(pdf.status).toBe(415);
      expect(pdf.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
      const big = Buffer.concat([await jpeg(), Buffer.alloc(5 * MB)]);
      const tooBig = await api.http().post('/api/admin/profile-image').set(user.auth).attach('file', big, 'me.jpg');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message).toMatch(/5 MB/);
    });
  });
});
