import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, LessThan, MoreThan } from 'typeorm';
import { JobLease } from './entities/job-lease.entity';
import { JobOutcome, JobRun } from './entities/job-run.entity';

/** The job_leases and job_runs tables, by the questions the scheduler and monitoring ask. */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get leases() {
    return this.dataSource.getRepository(JobLease);
  }

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  async insertRun(run: JobRun): Promise<void> {
    await this.runs.insert(run);
  }

  async finishRun(id: string, changes: Pick<JobRun, 'outcome' | 'summary' | 'error' | 'finishedAt'>): Promise<void> {
    await this.runs.update(id, changes);
  }

  /** The job's lease row, free, unless it exists: INSERT IGNORE, so racing instances all succeed. */
  async createFreeLease(name: string): Promise<void> {
    await this.leases
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .values({ name, holder: null, leaseUntil: new Date(0) })
      .execute();
  }

  /** One conditional UPDATE: true when the lease had expired at `now` and `holder` now has it until `until`. */
  async takeExpiredLease(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const taken = await this.leases
      .createQueryBuilder()
      .update()
      .set({ holder, leaseUntil: until })
      .where('name = :name', { name })
      .andWhere('leaseUntil < :now', { now })
      .execute();
    return (taken.affected ?? 0) > 0;
  }

  /** Extends `holder`'s lease; false when it no longer holds it. */
  async renewLease(name: string, holder: string, until: Date): Promise<boolean> {
    const renewed = await this.leases.update({ name, holder }, { leaseUntil: until });
    return (renewed.affected ?? 0) > 0;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.leases.update({ name, holder }, { holder: null, leaseUntil: new Date(0) });
  }

  recentRuns(name: string | undefined, limit: number): Promise<JobRun[]> {
    return this.runs.find({ where: name ? { name } : {}, order: { startedAt: 'DESC' }, take: limit });
  }

  /** Names among `names` whose lease someone holds beyond `now`. */
  async heldAmong(names: readonly string[], now: Date): Promise<string[]> {
    const held = await this.leases.find({
      select: { name: true, holder: true },
      where: { name: In([...names]), leaseUntil: MoreThan(now) },
    });
    return held.filter((lease) => lease.holder !== null).map((lease) => lease.name);
  }

  countRunsByOutcomeSince(since: Date): Promise<{ outcome: JobOutcome; count: string | number }[]> {
    return this.runs
      .createQueryBuilder('run')
      .select('run.outcome', 'outcome')
      .addSelect('COUNT(*)', 'count')
      .where('run.startedAt >= :since', { since })
      .groupBy('run.outcome')
      .getRawMany<{ outcome: JobOutcome; count: string | number }>();
  }

  countFailedBetween(range: { from: Date; to: Date }): Promise<number> {
    return this.runs.count({ where: { outcome: JobOutcome.Failed, startedAt: Between(range.from, range.to) } });
  }

  async deleteRunsBefore(cutoff: Date): Promise<number> {
    const result = await this.runs.delete({ startedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
