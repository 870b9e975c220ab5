import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { BackupKind, BackupRun, BackupStatus } from './entities/backup-run.entity';
import { BackupSchedule } from './entities/backup-schedule.entity';

const SCHEDULE_ID = 'default';

/** The backup history and the one schedule row. */
@Injectable()
export class BackupRunsRepository {
  constructor(
    @InjectRepository(BackupRun) private readonly runs: Repository<BackupRun>,
    @InjectRepository(BackupSchedule) private readonly schedules: Repository<BackupSchedule>,
  ) {}

  async insert(run: BackupRun): Promise<void> {
    await this.runs.insert(run);
  }

  async update(id: string, change: Partial<BackupRun>): Promise<void> {
    await this.runs.update(id, change);
  }

  findById(id: string): Promise<BackupRun | null> {
    return this.runs.findOne({ where: { id } });
  }

  page(skip: number, take: number): Promise<[BackupRun[], number]> {
    return this.runs.findAndCount({ order: { startedAt: 'DESC' }, skip, take });
  }

  /** Successful backups whose archive is still kept, newest first. */
  keptArchives(): Promise<BackupRun[]> {
    return this.runs.find({
      where: { kind: BackupKind.Backup, status: BackupStatus.Succeeded, prunedAt: IsNull(), fileName: Not(IsNull()) },
      order: { startedAt: 'DESC' },
    });
  }

  /** Runs a crashed instance left "running" (older than `before`) are marked failed. */
  async failAbandoned(before: Date, now: Date): Promise<void> {
    await this.runs
      .createQueryBuilder()
      .update()
      .set({ status: BackupStatus.Failed, finishedAt: now, error: 'The server stopped while this was running' })
      .where('status = :running AND startedAt < :before', { running: BackupStatus.Running, before })
      .execute();
  }

  findSchedule(): Promise<BackupSchedule | null> {
    return this.schedules.findOne({ where: { id: SCHEDULE_ID } });
  }

  async saveSchedule(change: Omit<BackupSchedule, 'id' | 'updatedAt'>, manager?: EntityManager): Promise<void> {
    const schedules = manager ? manager.getRepository(BackupSchedule) : this.schedules;
    await schedules.upsert({ id: SCHEDULE_ID, ...change }, ['id']);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.schedules.manager.transaction(work);
  }

  async markScheduled(at: Date): Promise<void> {
    await this.schedules.update({ id: SCHEDULE_ID }, { lastScheduledFor: at });
  }
}
