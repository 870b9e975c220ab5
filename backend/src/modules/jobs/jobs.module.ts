import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobLease } from './entities/job-lease.entity';
import { JobRun } from './entities/job-run.entity';
import { JobHistoryJob } from './job-history.job';
import { JobsService } from './jobs.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLease, JobRun])],
  providers: [JobsService, JobHistoryJob],
  exports: [JobsService],
})
export class JobsModule {}
