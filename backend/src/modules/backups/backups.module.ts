import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupEngine } from './backup-engine';
import { BackupRunsRepository } from './backup-runs.repository';
import { BackupScheduleJob } from './backup-schedule.job';
import { BackupsController } from './backups.controller';
import { BackupsService } from './backups.service';
import { BackupRun } from './entities/backup-run.entity';
import { BackupSchedule } from './entities/backup-schedule.entity';

/** Backups of every table and the uploaded files, their schedule, and restores. */
@Module({
  imports: [TypeOrmModule.forFeature([BackupRun, BackupSchedule])],
  controllers: [BackupsController],
  providers: [BackupEngine, BackupRunsRepository, BackupsService, BackupScheduleJob],
  exports: [BackupsService],
})
export class BackupsModule {}
