import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { BackupsService } from './backups.service';

export const SCHEDULED_BACKUP_JOB = 'scheduled-backup';
const CHECK_EVERY_MS = 60_000;

/**
 * Every minute, on one instance of the cluster: takes a backup when the admins' schedule says one
 * is due, then deletes archives beyond the retention count. Listed under Scheduled jobs.
 */
@Injectable()
export class BackupScheduleJob implements OnModuleInit {
  private readonly logger = new Logger(BackupScheduleJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly backups: BackupsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: SCHEDULED_BACKUP_JOB,
      description: 'Takes a backup when the backup schedule says one is due, and keeps only the newest archives.',
      schedule: 'Every minute it checks the schedule set on the Backups page',
      leaseMs: 35 * 60_000,
      work: () => this.backups.runScheduledIfDue(),
    });
  }

  @Interval(SCHEDULED_BACKUP_JOB, CHECK_EVERY_MS)
  async tick(): Promise<void> {
    try {
      await this.registry.run(SCHEDULED_BACKUP_JOB);
    } catch (error) {
      this.logger.error({ err: error }, 'The scheduled backup check failed');
    }
  }
}
