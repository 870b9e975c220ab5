import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { dataSourceOptions } from '@app/database/data-source-options';
import { AuditService } from '@app/modules/audit/audit.service';
import { AuditEntry } from '@app/modules/audit/entities/audit-entry.entity';
import { CRON_SECRET_ACTOR, CronService } from './cron.service';
import { JobLease } from './entities/job-lease.entity';
import { JobOutcome, JobRun } from './entities/job-run.entity';
import { JobRegistry } from './job-registry';
import { JobsErrorCode, JobsException } from './jobs.exception';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

const ADMIN: AuthContext = {
  userId: '6a1f0c9e-0000-4000-8000-000000000001',
  role: Role.Admin,
  sessionId: 's',
  email: 'admin@example.com',
};

/** The thrown JobsException (fails the test when the call succeeds or throws something else). */
async function jobsErrorOf(call: Promise<unknown>): Promise<JobsException> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobsException);
  return error as JobsException;
}

// The embedded default (SQLite) with the real migrations; MariaDB is covered by test/api/jobs.
describe(CronService.name, () => {
  let dataSource: DataSource;
  let registry: JobRegistry;
  let service: CronService;
  let cleanup: jest.Mock;

  const runs = () => dataSource.getRepository(JobRun).find({ order: { startedAt: 'ASC' } });
  const audit = () => dataSource.getRepository(AuditEntry).find();

  beforeAll(() => Logger.overrideLogger(false)); // a failing job logs its error: noise here
  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const jobs = new JobsService(new JobsRepository(dataSource));
    registry = new JobRegistry(jobs);
    service = new CronService(registry, jobs, new AuditService(dataSource.getRepository(AuditEntry)));
    cleanup = jest.fn(async () => ({ removed: 3 }));
    registry.register({
      name: 'uploads-cleanup',
      description: 'Removes orphan files.',
      schedule: 'Every day at 04:00 (UK time)',
      leaseMs: 60_000,
      work: cleanup,
    });
    registry.register({
      name: 'billing-reminders',
      description: 'Sends billing reminders.',
      schedule: 'Every hour',
      leaseMs: 60_000,
      work: async () => {
        throw new Error('Stripe answered 500');
      },
    });
  });
  afterEach(() => dataSource.destroy());

  describe('list', () => {
    it('lists every registered job by name, with no runs before the first', async () => {
      expect(await service.list()).toEqual({
        jobs: [
          {
            name: 'billing-reminders',
            description: 'Sends billing reminders.',
            schedule: 'Every hour',
            running: false,
            lastRun: null,
            recentRuns: [],
          },
          expect.objectContaining({ name: 'uploads-cleanup', running: false, lastRun: null, recentRuns: [] }),
        ],
      });
    });

    it('shows the last five runs newest first, the latest as lastRun, and whether the job is running now', async () => {
      for (let i = 0; i < 6; i++) {
        await registry.run('uploads-cleanup');
        await sleep(5); // distinct start times
      }
      // Another server is running the billing job right now.
      await dataSource
        .getRepository(JobLease)
        .insert({ name: 'billing-reminders', holder: 'web-2', leaseUntil: new Date(Date.now() + 60_000) });

      const { jobs } = await service.list();
      const cleanupJob = jobs.find((j) => j.name === 'uploads-cleanup')!;
      const stored = (await runs()).reverse();
      expect(cleanupJob.running).toBe(false);
      expect(cleanupJob.recentRuns.map((r) => r.id)).toEqual(stored.slice(0, 5).map((r) => r.id));
      expect(cleanupJob.lastRun).toEqual(cleanupJob.recentRuns[0]);
      expect(cleanupJob.lastRun).toMatchObject({
        job: 'uploads-cleanup',
        outcome: JobOutcome.Succeeded,
        summary: { removed: 3 },
        error: null,
        startedAt: stored[0]!.startedAt.toISOString(),
        finishedAt: stored[0]!.finishedAt!.toISOString(),
        durationMs: stored[0]!.finishedAt!.getTime() - stored[0]!.startedAt.getTime(),
      });
      expect(jobs.find((j) => j.name === 'billing-reminders')).toMatchObject({ running: true, lastRun: null });
    });
  });

  describe('run', () => {
    it('runs the job now, records the run with its summary, and audits the admin who asked', async () => {
      const run = await service.run(ADMIN, { job: 'uploads-cleanup' });

      expect(cleanup).toHaveBeenCalledTimes(1);
      const [stored] = await runs();
      expect(run).toEqual({
        id: stored!.id,
        job: 'uploads-cleanup',
        outcome: JobOutcome.Succeeded,
        startedAt: stored!.startedAt.toISOString(),
        finishedAt: stored!.finishedAt!.toISOString(),
        durationMs: expect.any(Number),
        error: null,
        summary: { removed: 3 },
        instanceId: stored!.instanceId,
      });
      expect(await audit()).toEqual([
        expect.objectContaining({
          actorId: ADMIN.userId,
          actorRole: Role.Admin,
          action: 'jobs.run',
          subjectType: 'job_run',
          subjectId: run.id,
          metadata: { job: 'uploads-cleanup', outcome: 'succeeded' },
        }),
      ]);
    });

    it('answers a failing job with its failed run and error, audited like any run', async () => {
      const run = await service.run(ADMIN, { job: 'billing-reminders' });
      expect(run).toMatchObject({ outcome: JobOutcome.Failed, error: 'Stripe answered 500', summary: null });
      expect((await runs()).map((r) => r.outcome)).toEqual([JobOutcome.Failed]);
      expect((await audit())[0]).toMatchObject({ subjectId: run.id, metadata: { outcome: 'failed' } });
    });

    it('audits a run asked for with CRON_SECRET under the scheduler’s name', async () => {
      const run = await service.run({ cronSecret: true }, { job: 'uploads-cleanup' });
      expect(await audit()).toEqual([
        expect.objectContaining({ actorId: CRON_SECRET_ACTOR.userId, actorRole: 'cron-secret', subjectId: run.id }),
      ]);
    });

    it('refuses an unknown job with a 400 naming the job field, and writes nothing', async () => {
      const error = await jobsErrorOf(service.run(ADMIN, { job: 'make-tea' }));
      expect(error.code).toBe(JobsErrorCode.UnknownJob);
      expect(error.status).toBe(400);
      expect(error.details).toEqual([
        { field: 'job', message: 'job must name a scheduled job: there is none called "make-tea"' },
      ]);
      expect(await runs()).toEqual([]);
      expect(await audit()).toEqual([]);
    });

    it('refuses with a 409 while the job runs elsewhere: the work does not run and nothing is written', async () => {
      await dataSource
        .getRepository(JobLease)
        .insert({ name: 'uploads-cleanup', holder: 'web-2:77:abcd', leaseUntil: new Date(Date.now() + 60_000) });

      const error = await jobsErrorOf(service.run(ADMIN, { job: 'uploads-cleanup' }));
      expect(error.code).toBe(JobsErrorCode.Busy);
      expect(error.status).toBe(409);
      expect(error.message).toMatch(/^uploads-cleanup is running already/);
      expect(cleanup).not.toHaveBeenCalled();
      expect(await runs()).toEqual([]);
      expect(await audit()).toEqual([]);
    });
  });
});
