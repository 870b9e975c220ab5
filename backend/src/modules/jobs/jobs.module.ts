import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CronController } from './cron.controller';
import { CronService } from './cron.service';
import { JobLease } from './entities/job-lease.entity';
import { JobRun } from './entities/job-run.entity';
import { JobHistoryJob } from './job-history.job';
import { JobRegistry } from './job-registry';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/** Runs scheduled work once per cluster, keeps the list of jobs, and serves `/api/cron`. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLease, JobRun])],
  controllers: [CronController],
  providers: [JobsRepository, JobsService, JobRegistry, CronService, JobHistoryJob],
  exports: [JobsService, JobRegistry],
})
export class JobsModule {}
