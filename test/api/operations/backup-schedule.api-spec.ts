import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@app/common/auth/role';
import { SCHEDULED_BACKUP_JOB } from '@app/modules/backups/backup-schedule.job';
import { BackupsService } from '@app/modules/backups/backups.service';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { JobsService } from '@app/modules/jobs/jobs.service';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';
import { waitForRun } from './backup-story';

jest.setTimeout(120_000);

const SCHEDULE = '/api/admin/backup-recovery/schedule';

describe('Backup schedule: admins set when backups run and how many are kept; the job takes them once per time', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(async () => {
    await api?.http().post(SCHEDULE).set(admin.auth).send({ frequency: 'off', retention: 7 });
    await api?.close();
  });

  it('refuses a schedule it cannot follow, naming the field', async () => {
    const badCron = await api
      .http()
      .post(SCHEDULE)
      .set(admin.auth)
      .send({ frequency: 'cron', cron: '61 * * * *', retention: 3 });
    expect(badCron.status).toBe(400);
    expect(badCron.body).toMatchObject({ code: 'BACKUP_SCHEDULE_INVALID', details: [{ field: 'cron' }] });
    const noDay = await api
      .http()
      .post(SCHEDULE)
      .set(admin.auth)
      .send({ frequency: 'weekly', time: '03:00', retention: 3 });
    expect(noDay.body).toMatchObject({ code: 'BACKUP_SCHEDULE_INVALID', details: [{ field: 'weekday' }] });
    const badTime = await api
      .http()
      .post(SCHEDULE)
      .set(admin.auth)
      .send({ frequency: 'daily', time: '25:00', retention: 3 });
    expect(badTime.status).toBe(400);
    const noRetention = await api.http().post(SCHEDULE).set(admin.auth).send({ frequency: 'daily', time: '03:00' });
    expect(noRetention.status).toBe(400);
  });

  it('a daily schedule says when it runs next; once due, the job backs up once and keeps only the newest archives', async () => {
    const daily = await api
      .http()
      .post(SCHEDULE)
      .set(admin.auth)
      .send({ frequency: 'daily', time: '02:15', retention: 1 });
    expect(daily.status).toBe(200);
    expect(daily.body).toMatchObject({ frequency: 'daily', time: '02:15', retention: 1, cron: null });
    const next = new Date(daily.body.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
    expect((await api.http().get(SCHEDULE).set(admin.auth)).body).toMatchObject({ frequency: 'daily', retention: 1 });

    // Nothing is due yet: the job does nothing.
    const registry = api.app.get(JobRegistry);
    expect((await registry.run(SCHEDULED_BACKUP_JOB))?.summary).toEqual({ started: false });

    // An earlier manual backup, then a scheduled one a day later: only the newest archive stays.
    const manual = await api
      .http()
      .post('/api/admin/backup-recovery/trigger')
      .set(admin.auth)
      .send({ action: 'backup' });
    const manualRun = await waitForRun(api, admin, manual.body.id);
    const tomorrow = new Date(Date.now() + 26 * 3600_000);
    const scheduled = await api.app.get(BackupsService).runScheduledIfDue(tomorrow);
    expect(scheduled.started).toBe(true);
    const scheduledRun = await waitForRun(api, admin, scheduled.runId!);
    expect(scheduledRun).toMatchObject({
      status: 'succeeded',
      trigger: 'scheduled',
      startedById: null,
      restorable: true,
    });
    // The same scheduled time is not run twice.
    expect((await api.app.get(BackupsService).runScheduledIfDue(tomorrow)).started).toBe(false);

    const history = await api.http().get('/api/admin/backup-recovery/history').set(admin.auth);
    const older = history.body.items.find((r: { id: string }) => r.id === manualRun.id);
    expect(older.restorable).toBe(false);
    expect(existsSync(join(api.config.backupDir, String(manualRun.fileName)))).toBe(false);
    expect(existsSync(join(api.config.backupDir, String(scheduledRun.fileName)))).toBe(true);
  });

  it('while a backup or restore runs anywhere in the cluster, another is refused with 409 and nothing is recorded', async () => {
    // Another server holds the backups' lease for as long as this story wants.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const other = api.app.get(JobsService).runExclusive('backup-or-restore', 60_000, async () => {
      holding();
      await held;
    });
    await taken;
    const before = (await api.http().get('/api/admin/backup-recovery/history').set(admin.auth)).body.total;
    const refused = await api
      .http()
      .post('/api/admin/backup-recovery/trigger')
      .set(admin.auth)
      .send({ action: 'backup' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BACKUP_BUSY');
    expect((await api.http().get('/api/admin/backup-recovery/history').set(admin.auth)).body.total).toBe(before);
    release();
    await other;
    const accepted = await api
      .http()
      .post('/api/admin/backup-recovery/trigger')
      .set(admin.auth)
      .send({ action: 'backup' });
    expect(accepted.status).toBe(202);
    expect((await waitForRun(api, admin, accepted.body.id)).status).toBe('succeeded');
  });
});
