import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, LessThan } from 'typeorm';
import { FlatJson } from '@app/database/flat-json';
import { JobLease } from './entities/job-lease.entity';
import { JobOutcome, JobRun } from './entities/job-run.entity';

export type JobResult = FlatJson | void;

/**
 * Runs scheduled work once across all instances. Each job name has a lease row; an instance
 * runs the job only while it holds an unexpired lease, and every run is recorded in job_runs.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` if no other instance holds the job's lease. Returns undefined when skipped.
   * The lease outlives a crashed holder by at most `leaseMs`.
   */
  async runExclusive(name: string, leaseMs: number, work: () => Promise<JobResult>): Promise<JobRun | undefined> {
    if (!(await this.acquire(name, leaseMs))) return undefined;
    const runs = this.dataSource.getRepository(JobRun);
    const run: JobRun = Object.assign(new JobRun(), {
      name,
      instanceId: this.instanceId,
      startedAt: new Date(),
      finishedAt: null as Date | null,
      outcome: JobOutcome.Running,
      error: null as string | null,
      summary: null as FlatJson | null,
    });
    await runs.insert(run);
    try {
      const summary = await work();
      run.outcome = JobOutcome.Succeeded;
      run.summary = summary ?? null;
    } catch (error) {
      run.outcome = JobOutcome.Failed;
      run.error = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      this.logger.error({ err: error, job: name }, `Job ${name} failed`);
    } finally {
      run.finishedAt = new Date();
      await runs.update(run.id, { outcome: run.outcome, summary: run.summary, error: run.error, finishedAt: run.finishedAt });
      await this.release(name);
    }
    return run;
  }

  private async acquire(name: string, leaseMs: number): Promise<boolean> {
    const leases = this.dataSource.getRepository(JobLease);
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs);
    // Take an expired (or our own) lease in one conditional UPDATE: the database decides the race.
    const taken = await leases
      .createQueryBuilder()
      .update()
      .set({ holder: this.instanceId, leaseUntil: until })
      .where('name = :name', { name })
      .andWhere('(leaseUntil < :now OR holder = :me)', { now, me: this.instanceId })
      .execute();
    if ((taken.affected ?? 0) > 0) return true;
    const exists = await leases.exists({ where: { name } });
    if (exists) return false;
    try {
      await leases.insert({ name, holder: this.instanceId, leaseUntil: until });
      return true;
    } catch {
      return false; // another instance inserted the row first and holds the lease
    }
  }

  private async release(name: string): Promise<void> {
    await this.dataSource
      .getRepository(JobLease)
      .update({ name, holder: this.instanceId }, { holder: null, leaseUntil: new Date(0) });
  }

  async recentRuns(name?: string, limit = 50): Promise<JobRun[]> {
    return this.dataSource.getRepository(JobRun).find({
      where: name ? { name } : {},
      order: { startedAt: 'DESC' },
      take: limit,
    });
  }

  /** Keeps the history bounded. */
  async pruneRunsBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource.getRepository(JobRun).delete({ startedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
