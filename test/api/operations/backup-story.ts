import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Role } from '@app/common/auth/role';
import { BackupEngine } from '@app/modules/backups/backup-engine';
import { listFiles } from '@app/modules/backups/archive/backup-archive';
import { uploadsDir } from '@app/modules/storage/storage.module';
import { User } from '@app/modules/users/entities/user.entity';
import type { SignedInUser } from '../../factories/given';
import type { TestApp } from '../../support/test-app';

const BACKUPS = '/api/admin/backup-recovery';

/** Polls the history until the run has ended, or fails after the deadline. */
export async function waitForRun(api: TestApp, admin: SignedInUser, id: string, deadlineMs = 60_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const history = await api.http().get(`${BACKUPS}/history?pageSize=100`).set(admin.auth);
    const run = (history.body.items as { id: string; status: string }[] | undefined)?.find((r) => r.id === id);
    if (run && run.status !== 'running') return run as Record<string, unknown>;
    if (Date.now() > until) throw new Error(`Run ${id} still ${run?.status ?? 'missing'} after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every backed-up table's rows, in primary-key order: what "identical" is checked against. */
export async function tableContents(api: TestApp, skip: readonly string[] = []): Promise<Record<string, unknown[]>> {
  const contents: Record<string, unknown[]> = {};
  const q = (name: string) => api.dataSource.driver.escape(name);
  for (const table of api.app.get(BackupEngine).tables()) {
    if (skip.includes(table.name)) continue;
    const order = table.primaryKey.map(q).join(', ');
    contents[table.name] = await api.dataSource.query(`SELECT * FROM ${q(table.name)} ORDER BY ${order}`);
  }
  return contents;
}

export async function uploadedFiles(api: TestApp): Promise<Record<string, string>> {
  const root = uploadsDir(api.config);
  const files: Record<string, string> = {};
  for (const file of await listFiles(root)) files[file] = (await readFile(join(root, file))).toString('base64');
  return files;
}

/**
 * Tables that change by themselves while the story runs (its own sign-ins, audit entries of the
 * backup it starts, the run of the lease it takes): a restore brings them back too, but the
 * comparison cannot know whether the snapshot caught them just before or after.
 */
export const SELF_CHANGING = ['audit_log', 'job_runs', 'auth_sessions', 'refresh_tokens', 'user_activity'];

/**
 * The whole story on whichever database `api` runs: back up, change data and files, restore,
 * and find every row and file as it was; then a damaged archive is refused and changes nothing.
 */
export function backupRestoreStory(start: () => Promise<TestApp>): void {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await start();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(async () => {
    await api?.http().patch('/api/system/maintenance').set(admin.auth).send({ enabled: false });
    await api?.close();
  });

  it('an admin backs up, data and files change, the restore gives back identical rows and files', async () => {
    const parent = await api.given.parent({ firstName: 'Before' });
    const uploads = uploadsDir(api.config);
    await mkdir(join(uploads, 'documents', 'ab'), { recursive: true });
    await writeFile(join(uploads, 'documents', 'ab', 'kept.pdf'), Buffer.from('%PDF-1.7 the original document'));
    await writeFile(join(uploads, 'documents', 'ab', 'deleted-later.pdf'), Buffer.from('%PDF-1.7 removed after'));

    const rowsBefore = await tableContents(api, SELF_CHANGING);
    const filesBefore = await uploadedFiles(api);
    const started = await api.http().post(`${BACKUPS}/trigger`).set(admin.auth).send({ action: 'backup' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'backup', status: 'running', trigger: 'manual' });
    const backup = await waitForRun(api, admin, started.body.id);
    expect(backup).toMatchObject({ status: 'succeeded', progress: 100, restorable: true, startedById: admin.user.id });
    expect(backup.sizeBytes).toBeGreaterThan(0);
    expect(backup.rowCount).toBeGreaterThan(0);
    expect(String(backup.schemaVersion)).toMatch(/^Operations\d+$|^[A-Za-z]+\d+$/);
    expect(existsSync(join(api.config.backupDir, String(backup.fileName)))).toBe(true);

    // Afterwards: a user renamed, another created, one file changed, one deleted, one added.
    await api.dataSource.getRepository(User).update(parent.user.id, { firstName: 'After' });
    const newcomer = await api.given.parent({ firstName: 'Newcomer' });
    await writeFile(join(uploads, 'documents', 'ab', 'kept.pdf'), Buffer.from('%PDF-1.7 overwritten'));
    await rm(join(uploads, 'documents', 'ab', 'deleted-later.pdf'));
    await writeFile(join(uploads, 'documents', 'ab', 'added-later.pdf'), Buffer.from('%PDF-1.7 new'));

    const wrongConfirmation = await api
      .http()
      .post(`${BACKUPS}/trigger`)
      .set(admin.auth)
      .send({ action: 'restore', backupId: backup.id, confirm: 'yes' });
    expect(wrongConfirmation.status).toBe(400);
    expect(wrongConfirmation.body.code).toBe('BACKUP_CONFIRMATION_MISMATCH');

    const restore = await api
      .http()
      .post(`${BACKUPS}/trigger`)
      .set(admin.auth)
      .send({ action: 'restore', backupId: backup.id, confirm: 'RESTORE' });
    expect(restore.status).toBe(202);
    const restored = await waitForRun(api, admin, restore.body.id);
    expect(restored).toMatchObject({ kind: 'restore', status: 'succeeded', sourceRunId: backup.id, error: null });

    expect(await tableContents(api, SELF_CHANGING)).toEqual(rowsBefore);
    expect(await uploadedFiles(api)).toEqual(filesBefore);
    expect(await api.dataSource.getRepository(User).findOneBy({ id: newcomer.user.id })).toBeNull();
    expect((await api.dataSource.getRepository(User).findOneByOrFail({ id: parent.user.id })).firstName).toBe('Before');
    // Maintenance was on during the restore and is off again.
    expect((await api.http().get('/api/system/maintenance')).body.enabled).toBe(false);
  });

  it('a corrupted archive is refused and nothing changes', async () => {
    const started = await api.http().post(`${BACKUPS}/trigger`).set(admin.auth).send({ action: 'backup' });
    const backup = await waitForRun(api, admin, started.body.id);
    expect(backup.status).toBe('succeeded');
    const archive = join(api.config.backupDir, String(backup.fileName));
    const bytes = await readFile(archive);
    // Damage a byte in the middle of the compressed data.
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    await writeFile(archive, bytes);

    await api.given.parent({ firstName: 'AfterCorruptBackup' });
    const rowsBefore = await tableContents(api, SELF_CHANGING);
    const filesBefore = await uploadedFiles(api);
    const restore = await api
      .http()
      .post(`${BACKUPS}/trigger`)
      .set(admin.auth)
      .send({ action: 'restore', backupId: backup.id, confirm: 'RESTORE' });
    expect(restore.status).toBe(202);
    const refused = await waitForRun(api, admin, restore.body.id);
    expect(refused.status).toBe('failed');
    expect(String(refused.error)).toMatch(/Restore refused|cannot be read|checksum/i);
    expect(await tableContents(api, SELF_CHANGING)).toEqual(rowsBefore);
    expect(await uploadedFiles(api)).toEqual(filesBefore);
    expect((await api.http().get('/api/system/maintenance')).body.enabled).toBe(false);
  });
}
