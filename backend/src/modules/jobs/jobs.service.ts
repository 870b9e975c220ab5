import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { FlatJson } from '@app/database/flat-json';
import { JobOutcome, JobRun } from './entities/job-run.entity';
import { JobsRepository } from './jobs.repository';

export type JobResult = FlatJson | void;

/**
 * Runs scheduled work once across all instances. Each job name has a lease row; an instance
 * runs the job only while it holds an unexpired lease, and every run is recorded in job_runs.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly jobs: JobsRepository) {}

  /**
   * Runs `work` if no instance (this one included) holds the job's lease. Returns undefined
   * when skipped. While the work runs the lease is renewed every third of `leaseMs`, so a long
   * run keeps it; a crashed holder stops renewing and loses it at most `leaseMs` later.
   */
  async runExclusive(name: string, leaseMs: number, work: () => Promise<JobResult>): Promise<JobRun | undefined> {
    if (!(await this.acquire(name, leaseMs))) return undefined;
    const heartbeat = setInterval(() => void this.renew(name, leaseMs), Math.max(10, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    const run: JobRun = Object.assign(new JobRun(), {
      name,
      instanceId: this.instanceId,
      startedAt: new Date(),
      finishedAt: null as Date | null,
      outcome: JobOutcome.Running,
      error: null as string | null,
      summary: null as FlatJson | null,
    });
    try {
      await this.jobs.insertRun(run);
      try {
        const summary = await work();
        run.outcome = JobOutcome.Succeeded;
        run.summary = summary ?? null;
      } catch (error) {
        run.outcome = JobOutcome.Failed;
        run.error = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        this.logger.error({ err: error, job: name }, `Job ${name} failed`);
      }
      run.finishedAt = new Date();
      await this.jobs.finishRun(run.id, {
        outcome: run.outcome,
        summary: run.summary,
        error: run.error,
        finishedAt: run.finishedAt,
      });
    } finally {
      clearInterval(heartbeat);
      await this.release(name);
    }
    return run;
  }

  private async acquire(name: string, leaseMs: number): Promise<boolean> {
    if (await this.takeExpiredLease(name, leaseMs)) return true;
    // The job's first run anywhere: create its lease row, free, and race for it as any other
    // time. Several instances may create it at once; INSERT IGNORE lets them all succeed.
    await this.jobs.createFreeLease(name);
    return this.takeExpiredLease(name, leaseMs);
  }

  /**
   * Takes the lease if it has expired, in one conditional UPDATE: the database decides the
   * race. Our own unexpired lease is refused too: an @Interval fires again while this
   * instance's previous run of the job is still going, and the two must not overlap either.
   */
  private async takeExpiredLease(name: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    return this.jobs.takeExpiredLease(name, this.instanceId, now, new Date(now.getTime() + leaseMs));
  }

  private async renew(name: string, leaseMs: number): Promise<void> {
    try {
      if (!(await this.jobs.renewLease(name, this.instanceId, new Date(Date.now() + leaseMs)))) {
        // Only possible if a renewal was missed for a whole lease (database unreachable, event
        // loop blocked): another instance may now run the job as well.
        this.logger.warn({ job: name }, `Lost the lease of job ${name} while it was running`);
      }
    } catch (error) {
      this.logger.warn({ err: error, job: name }, `Could not renew the lease of job ${name}`);
    }
  }

  private async release(name: string): Promise<void> {
    try {
      await this.jobs.releaseLease(name, this.instanceId);
    } catch (error) {
      // The lease then simply expires; the job's outcome is already recorded.
      this.logger.warn({ err: error, job: name }, `Could not release the lease of job ${name}`);
    }
  }

  async recentRuns(name?: string, limit = 50): Promise<JobRun[]> {
    return this.jobs.recentRuns(name, limit);
  }

  /** The jobs among `names` that some instance is running now (holds an unexpired lease). */
  async runningAmong(names: string[], now = new Date()): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    return new Set(await this.jobs.heldAmong(names, now));
  }

  /** Runs started since `since`, by outcome (monitoring). */
  async countRunsSince(since: Date): Promise<Record<JobOutcome, number>> {
    const rows = await this.jobs.countRunsByOutcomeSince(since);
    const counts = { [JobOutcome.Running]: 0, [JobOutcome.Succeeded]: 0, [JobOutcome.Failed]: 0 };
    for (const row of rows) counts[row.outcome] = Number(row.count);
    return counts;
  }

  /** Failed runs that started in [from, to), for the admin dashboard (IDX_job_runs_outcome_started). */
  countFailedBetween(range: { from: Date; to: Date }): Promise<number> {
    return this.jobs.countFailedBetween(range);
  }

  /** Keeps the history bounded. */
  async pruneRunsBefore(cutoff: Date): Promise<number> {
    return this.jobs.deleteRunsBefore(cutoff);
  }
}
