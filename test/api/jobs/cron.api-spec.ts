import { randomUUID } from 'node:crypto';
import { Role } from '@app/common/auth/role';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { JobLease } from '@app/modules/jobs/entities/job-lease.entity';
import { JobOutcome, JobRun } from '@app/modules/jobs/entities/job-run.entity';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import type { SignedInUser } from '../../factories/given';
import { startTestApp, TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

const CRON = '/api/cron';
const SECRET = 'a-scheduler-secret-for-the-api-story-0123456789';
const DAY = 24 * 3600_000;

/** Every job the product schedules: each registers itself with the registry from its own module. */
const PRODUCT_JOBS = [
  'availability-coverage-roll',
  'billing-reminders',
  'bookings-lifecycle',
  'calendar-pull',
  'calendar-push',
  'chat-queue',
  'compliance-expirations',
  'compliance-standings',
  'email-dispatch',
  'job-history-prune',
  'logs-prune',
  'message-digest',
  'realtime-prune',
  'recommendations-train',
  'request-stats-prune',
  'scheduled-backup',
  'uploads-cleanup',
];

describe('Scheduled jobs: an admin, or a scheduler holding CRON_SECRET, lists them and runs one now', () => {
  let api: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await startTestApp({ CRON_SECRET: SECRET });
    admin = await api.given.signedIn(Role.Admin);
  });
  afterAll(() => api?.close());

  const runsOf = (name: string) => api.dataSource.getRepository(JobRun).find({ where: { name } });
  const auditOf = (runId: string) => api.dataSource.getRepository(AuditEntry).find({ where: { subjectId: runId } });
  const asSecret = (secret = SECRET) => ({ Authorization: `Bearer ${secret}` });

  it('an admin sees every job with what it does and when, runs the history prune now, and finds the run listed and audited', async () => {
    const list = await api.http().get(CRON).set(admin.auth);
    expect(list.status).toBe(200);
    const jobs = list.body.jobs as { name: string; description: string; schedule: string }[];
    expect(jobs.map((j) => j.name).filter((name) => !name.startsWith('story-'))).toEqual(PRODUCT_JOBS);
    for (const job of jobs) {
      expect(job.description).toMatch(/\w{3,}.*\.$/);
      expect(job.schedule).toMatch(/^Every /);
    }
    expect(jobs.find((j) => j.name === 'job-history-prune')).toMatchObject({
      description: 'Deletes the history of job runs older than 30 days.',
      schedule: 'Every day at 03:00 (UK time)',
      running: false,
    });

    // A run from two months ago, which the prune is there to delete.
    const old = `story-old-report-${randomUUID().slice(0, 8)}`;
    await api.dataSource.getRepository(JobRun).insert(
      Object.assign(new JobRun(), {
        name: old,
        instanceId: 'web-9:1:gone',
        startedAt: new Date(Date.now() - 60 * DAY),
        finishedAt: new Date(Date.now() - 60 * DAY + 1_000),
        outcome: JobOutcome.Succeeded,
        error: null,
        summary: null,
      }),
    );

    const run = await api.http().post(CRON).set(admin.auth).send({ job: 'job-history-prune' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      id: expect.any(String),
      job: 'job-history-prune',
      outcome: 'succeeded',
      error: null,
      finishedAt: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(run.body.summary.deleted).toBeGreaterThanOrEqual(1);
    expect(await runsOf(old)).toEqual([]);
    expect(await runsOf('job-history-prune')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: run.body.id, outcome: JobOutcome.Succeeded })]),
    );
    expect(await auditOf(run.body.id)).toEqual([
      expect.objectContaining({
        actorId: admin.user.id,
        actorRole: 'admin',
        action: 'jobs.run',
        subjectType: 'job_run',
        metadata: { job: 'job-history-prune', outcome: 'succeeded' },
      }),
    ]);

    const after = await api.http().get(CRON).set(admin.auth);
    const prune = (after.body.jobs as { name: string }[]).find((j) => j.name === 'job-history-prune');
    expect(prune).toMatchObject({ running: false, lastRun: { id: run.body.id, outcome: 'succeeded' } });
    expect((prune as unknown as { recentRuns: { id: string }[] }).recentRuns[0]!.id).toBe(run.body.id);
  });

  it('a job running on another server is refused with 409, and nothing is run, recorded or audited', async () => {
    const leases = api.dataSource.getRepository(JobLease);
    await leases.delete({ name: 'uploads-cleanup' });
    await leases.insert({
      name: 'uploads-cleanup',
      holder: 'web-2:4242:cafe0001',
      leaseUntil: new Date(Date.now() + 10 * 60_000),
    });
    const before = (await runsOf('uploads-cleanup')).length;
    const auditBefore = await api.dataSource.getRepository(AuditEntry).count({ where: { action: 'jobs.run' } });
    try {
      const listed = await api.http().get(CRON).set(admin.auth);
      expect(
        (listed.body.jobs as { name: string; running: boolean }[]).find((j) => j.name === 'uploads-cleanup'),
      ).toMatchObject({ running: true });

      const busy = await api.http().post(CRON).set(admin.auth).send({ job: 'uploads-cleanup' });
      expect(busy.status).toBe(409);
      expect(busy.body).toMatchObject({
        code: 'JOB_BUSY',
        message: expect.stringMatching(/^uploads-cleanup is running/),
      });
      expect(await runsOf('uploads-cleanup')).toHaveLength(before);
      expect(await api.dataSource.getRepository(AuditEntry).count({ where: { action: 'jobs.run' } })).toBe(auditBefore);
    } finally {
      await leases.update({ name: 'uploads-cleanup' }, { holder: null, leaseUntil: new Date(0) });
    }
  });

  it('refuses a missing, unknown or malformed job with a 400 naming the job field', async () => {
    const post = (body: object) => api.http().post(CRON).set(admin.auth).send(body);

    const unknown = await post({ job: 'make-the-tea' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'JOB_UNKNOWN' });
    expect(unknown.body.details).toEqual([
      { field: 'job', message: 'job must name a scheduled job: there is none called "make-the-tea"' },
    ]);
    for (const body of [{}, { job: 42 }, { job: '' }, { job: 'x'.repeat(101) }]) {
      const bad = await post(body);
      expect(bad.status).toBe(400);
      expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['job']));
    }
    const extra = await post({ job: 'realtime-prune', now: '2030-01-01' });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual([{ field: 'now', message: 'now is not an accepted field' }]);
  });

  it('a job that fails is answered with its failed run and the error, and audited', async () => {
    const name = `story-failing-${randomUUID().slice(0, 8)}`;
    api.app.get(JobRegistry).register({
      name,
      description: 'Fails, for this story.',
      schedule: 'Never on its own',
      leaseMs: 60_000,
      work: async () => {
        throw new Error('The calendar provider answered 503');
      },
    });
    const run = await api.http().post(CRON).set(admin.auth).send({ job: name });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ job: name, outcome: 'failed', error: 'The calendar provider answered 503' });
    expect(await runsOf(name)).toEqual([expect.objectContaining({ outcome: JobOutcome.Failed })]);
    expect(await auditOf(run.body.id)).toEqual([
      expect.objectContaining({ metadata: { job: name, outcome: 'failed' } }),
    ]);
  });

  it('with the right CRON_SECRET a scheduler lists and runs jobs; a wrong secret gets 401, and the secret opens nothing else', async () => {
    const list = await api.http().get(CRON).set(asSecret());
    expect(list.status).toBe(200);
    expect((list.body.jobs as unknown[]).length).toBeGreaterThanOrEqual(PRODUCT_JOBS.length);

    const run = await api.http().post(CRON).set(asSecret()).send({ job: 'realtime-prune' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      job: 'realtime-prune',
      outcome: 'succeeded',
      summary: { events: expect.any(Number), tickets: expect.any(Number) },
    });
    expect(await auditOf(run.body.id)).toEqual([
      expect.objectContaining({ actorId: 'cron-secret', actorRole: 'cron-secret', action: 'jobs.run' }),
    ]);

    const runsBefore = (await runsOf('realtime-prune')).length;
    for (const wrong of [`${SECRET}x`, SECRET.slice(0, -1), 'not-it']) {
      const refused = await api.http().post(CRON).set(asSecret(wrong)).send({ job: 'realtime-prune' });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
      expect((await api.http().get(CRON).set(asSecret(wrong))).status).toBe(401);
    }
    expect(await runsOf('realtime-prune')).toHaveLength(runsBefore);

    // The secret stands in for an admin on /api/cron only.
    expect((await api.http().get('/api/admin/compliance').set(asSecret())).status).toBe(401);
    expect((await api.http().get(CRON)).status).toBe(401);
    const parent = await api.given.signedIn(Role.Parent);
    expect((await api.http().post(CRON).set(parent.auth).send({ job: 'realtime-prune' })).status).toBe(403);
    expect(await runsOf('realtime-prune')).toHaveLength(runsBefore);
  });

  it('a server without CRON_SECRET refuses every bearer secret, and admins still get in', async () => {
    const plain = await startTestApp();
    try {
      const before = await plain.dataSource.getRepository(JobRun).count({ where: { name: 'realtime-prune' } });
      const refused = await plain.http().post(CRON).set(asSecret()).send({ job: 'realtime-prune' });
      expect(refused.status).toBe(401);
      expect((await plain.http().get(CRON).set(asSecret())).status).toBe(401);
      expect(await plain.dataSource.getRepository(JobRun).count({ where: { name: 'realtime-prune' } })).toBe(before);

      const signedIn = await plain.given.signedIn(Role.SuperAdmin);
      expect((await plain.http().get(CRON).set(signedIn.auth)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
