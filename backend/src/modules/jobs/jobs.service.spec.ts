import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { fakeClock, gate } from '@test/support/clock';
import { eventually } from '@test/support/eventually';
import { JobLease } from './entities/job-lease.entity';
import { JobOutcome, JobRun } from './entities/job-run.entity';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

// The embedded default (SQLite) with the real migrations; MariaDB is covered by test/api/jobs.
describe(JobsService.name, () => {
  let dataSource: DataSource;
  let jobs: JobsService;

  beforeAll(() => Logger.overrideLogger(false)); // failures are expected here; their logs are noise
  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    jobs = new JobsService(new JobsRepository(dataSource));
  });
  afterEach(() => dataSource.destroy());

  describe('runExclusive', () => {
    it('runs the work, records the run with its summary and frees the lease', async () => {
      const run = await jobs.runExclusive('report', 60_000, async () => ({ rows: 4 }));
      expect(run).toMatchObject({ outcome: JobOutcome.Succeeded, summary: { rows: 4 }, instanceId: jobs.instanceId });
      const [stored] = await dataSource.getRepository(JobRun).find();
      expect(stored).toMatchObject({
        name: 'report',
        outcome: JobOutcome.Succeeded,
        summary: { rows: 4 },
        error: null,
      });
      expect(stored!.finishedAt).toBeInstanceOf(Date);
      const lease = await dataSource.getRepository(JobLease).findOneByOrFail({ name: 'report' });
      expect(lease.holder).toBeNull();
      expect(lease.leaseUntil.getTime()).toBeLessThan(Date.now());
    });

    it('records a failure with its message instead of throwing', async () => {
      const run = await jobs.runExclusive('report', 60_000, async () => {
        throw new Error('x'.repeat(2000));
      });
      expect(run).toMatchObject({ outcome: JobOutcome.Failed });
      const [stored] = await dataSource.getRepository(JobRun).find();
      expect(stored!.error).toHaveLength(1000);
      expect(await jobs.runExclusive('report', 60_000, async () => undefined)).toMatchObject({
        outcome: JobOutcome.Succeeded,
      });
    });

    it('skips while another holder has the lease, and takes it once it has expired', async () => {
      const clock = fakeClock();
      try {
        await dataSource
          .getRepository(JobLease)
          .insert({ name: 'report', holder: 'elsewhere', leaseUntil: new Date(Date.now() + 60_000) });
        const work = jest.fn(async () => undefined);
        expect(await jobs.runExclusive('report', 60_000, work)).toBeUndefined();
        clock.advance(60_001);
        expect(await jobs.runExclusive('report', 60_000, work)).toBeDefined();
        expect(work).toHaveBeenCalledTimes(1);
        expect(await dataSource.getRepository(JobRun).count()).toBe(1);
      } finally {
        clock.restore();
      }
    });

    it('does not overlap a run of the same job on the same instance, and renews the lease meanwhile', async () => {
      const clock = fakeClock();
      try {
        const leaseMs = 90;
        const finish = gate();
        const first = jobs.runExclusive('report', leaseMs, () => finish.opened);
        const leaseUntil = async () =>
          (await dataSource.getRepository(JobLease).findOneBy({ name: 'report' }))?.leaseUntil.getTime() ?? 0;
        await eventually('the first run to hold the lease', async () => ((await leaseUntil()) > 0 ? true : undefined));
        // Well past the lease: only a renewal made since keeps it.
        clock.advance(3 * leaseMs);
        await eventually('the running job to renew its lease', async () =>
          (await leaseUntil()) > Date.now() ? true : undefined,
        );
        const second = jest.fn(async () => undefined);
        expect(await jobs.runExclusive('report', leaseMs, second)).toBeUndefined();
        expect(
          await new JobsService(new JobsRepository(dataSource)).runExclusive('report', leaseMs, second),
        ).toBeUndefined();
        expect(second).not.toHaveBeenCalled();
        finish.open();
        expect(await first).toMatchObject({ outcome: JobOutcome.Succeeded });
      } finally {
        clock.restore();
      }
    });
  });

  describe('pruneRunsBefore', () => {
    it('deletes only runs started before the cutoff', async () => {
      await jobs.runExclusive('report', 60_000, async () => undefined);
      await dataSource
        .getRepository(JobRun)
        .update({ name: 'report' }, { startedAt: new Date('2020-01-01T00:00:00Z') });
      await jobs.runExclusive('report', 60_000, async () => undefined);
      expect(await jobs.pruneRunsBefore(new Date('2021-01-01T00:00:00Z'))).toBe(1);
      expect(await jobs.recentRuns('report')).toHaveLength(1);
    });
  });

  describe('runningAmong', () => {
    it('names the jobs whose lease is held and unexpired, and no others', async () => {
      const leases = dataSource.getRepository(JobLease);
      const soon = new Date(Date.now() + 60_000);
      await leases.insert([
        { name: 'held', holder: 'web-1', leaseUntil: soon },
        { name: 'expired', holder: 'web-2', leaseUntil: new Date(Date.now() - 1_000) },
        { name: 'released', holder: null, leaseUntil: new Date(0) },
        { name: 'not-asked', holder: 'web-1', leaseUntil: soon },
      ]);
      expect(await jobs.runningAmong(['held', 'expired', 'released', 'never-ran'])).toEqual(new Set(['held']));
      expect(await jobs.runningAmong([])).toEqual(new Set());
    });
  });
});
