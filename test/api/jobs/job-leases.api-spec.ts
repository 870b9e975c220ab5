import { randomUUID } from 'node:crypto';
import { JobLease } from '@app/modules/jobs/entities/job-lease.entity';
import { JobOutcome, JobRun } from '@app/modules/jobs/entities/job-run.entity';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { fakeClock, gate } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { startTestApp, TestApp } from '../../support/test-app';

/** Two instances of the product sharing the run's database, as behind a load balancer. */
describe('Scheduled jobs across instances', () => {
  let first: TestApp;
  let second: TestApp;
  let jobsOnFirst: JobsService;
  let jobsOnSecond: JobsService;

  beforeAll(async () => {
    // One after the other: startTestApp writes a setting, and two first writes of the same key race.
    first = await startTestApp();
    second = await startTestApp();
    jobsOnFirst = first.app.get(JobsService);
    jobsOnSecond = second.app.get(JobsService);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  const uniqueJob = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
  const runsOf = (name: string) =>
    first.dataSource.getRepository(JobRun).find({ where: { name }, order: { startedAt: 'ASC' } });

  it('two instances start the same job at the same moment: one runs it, the other skips, and the run is recorded', async () => {
    expect(jobsOnFirst.instanceId).not.toBe(jobsOnSecond.instanceId);
    const name = uniqueJob('nightly-report');
    const ranOn: string[] = [];
    // The winner's work lasts until the loser has answered, so the two runs surely overlap.
    const finish = gate();
    const slowJob = (instance: string) => async () => {
      ranOn.push(instance);
      await finish.opened;
      return { reports: 3 };
    };

    const both = [
      jobsOnFirst.runExclusive(name, 30_000, slowJob(jobsOnFirst.instanceId)),
      jobsOnSecond.runExclusive(name, 30_000, slowJob(jobsOnSecond.instanceId)),
    ];
    expect(await Promise.race(both)).toBeUndefined();
    finish.open();
    const [onFirst, onSecond] = await Promise.all(both);

    expect(ranOn).toHaveLength(1);
    const run = onFirst ?? onSecond;
    expect([onFirst, onSecond].filter(Boolean)).toHaveLength(1);
    const runs = await runsOf(name);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: run!.id,
      instanceId: ranOn[0],
      outcome: JobOutcome.Succeeded,
      error: null,
      summary: { reports: 3 },
    });
    expect(runs[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(runs[0]!.startedAt.getTime());

    // Once the run is over the lease is free: the instance that skipped may run it next time.
    const loser = onFirst ? jobsOnSecond : jobsOnFirst;
    expect(await loser.runExclusive(name, 30_000, async () => undefined)).toMatchObject({
      outcome: JobOutcome.Succeeded,
    });
    expect(await runsOf(name)).toHaveLength(2);
  });

  it('a failing job is recorded as failed with its error, and does not block the next run', async () => {
    const name = uniqueJob('sync-calendars');
    const failed = await jobsOnFirst.runExclusive(name, 30_000, async () => {
      throw new Error('Calendar provider answered 500');
    });
    expect(failed).toMatchObject({ outcome: JobOutcome.Failed });

    const [recorded] = await runsOf(name);
    expect(recorded).toMatchObject({
      instanceId: jobsOnFirst.instanceId,
      outcome: JobOutcome.Failed,
      error: 'Calendar provider answered 500',
      summary: null,
    });
    expect(recorded!.finishedAt).toBeInstanceOf(Date);
    expect(recorded!.finishedAt!.getTime()).toBeGreaterThanOrEqual(recorded!.startedAt.getTime());

    expect(await jobsOnSecond.runExclusive(name, 30_000, async () => ({ synced: 1 }))).toMatchObject({
      outcome: JobOutcome.Succeeded,
    });
  });

  it('the lease left by an instance that crashed mid-run blocks the job only until it expires', async () => {
    const clock = fakeClock();
    try {
      const name = uniqueJob('expire-documents');
      // What a crashed instance leaves behind: its lease, never released or renewed.
      await first.dataSource.getRepository(JobLease).insert({
        name,
        holder: 'crashed-host:4242:deadbeef',
        leaseUntil: new Date(Date.now() + 60_000),
      });
      const work = jest.fn(async () => ({ expired: 2 }));

      expect(await jobsOnFirst.runExclusive(name, 30_000, work)).toBeUndefined();
      expect(await jobsOnSecond.runExclusive(name, 30_000, work)).toBeUndefined();
      expect(work).not.toHaveBeenCalled();

      clock.advance(60_001);
      expect(await jobsOnSecond.runExclusive(name, 30_000, work)).toMatchObject({ outcome: JobOutcome.Succeeded });
      expect(work).toHaveBeenCalledTimes(1);
      expect(await runsOf(name)).toEqual([
        expect.objectContaining({ instanceId: jobsOnSecond.instanceId, summary: { expired: 2 } }),
      ]);
    } finally {
      clock.restore();
    }
  });

  it('a run that outlasts its lease keeps renewing it, so no other instance starts the job meanwhile', async () => {
    const clock = fakeClock();
    try {
      const name = uniqueJob('long-backup');
      const leaseMs = 300;
      const finish = gate();
      const running = jobsOnFirst.runExclusive(name, leaseMs, () => finish.opened);
      const leaseUntil = async () =>
        (await first.dataSource.getRepository(JobLease).findOneBy({ name }))?.leaseUntil.getTime() ?? 0;
      await eventually('the run to hold the lease', async () => ((await leaseUntil()) > 0 ? true : undefined));
      clock.advance(3 * leaseMs); // more than twice the lease: only a renewal made since keeps it
      await eventually('the running job to renew its lease', async () =>
        (await leaseUntil()) > Date.now() ? true : undefined,
      );
      const meanwhile = jest.fn(async () => undefined);
      expect(await jobsOnSecond.runExclusive(name, leaseMs, meanwhile)).toBeUndefined();
      // The same instance must not overlap itself either (an @Interval firing again mid-run).
      expect(await jobsOnFirst.runExclusive(name, leaseMs, meanwhile)).toBeUndefined();
      expect(meanwhile).not.toHaveBeenCalled();
      finish.open();
      expect(await running).toMatchObject({ outcome: JobOutcome.Succeeded });
      expect(await runsOf(name)).toHaveLength(1);
    } finally {
      clock.restore();
    }
  });
});
