import { Injectable } from '@nestjs/common';
import { AuthContext } from '@app/common/auth/auth-context';
import { CronSecretCaller } from '@app/common/auth/cron-secret';
import { AuditActor, AuditService } from '@app/modules/audit/audit.service';
import {
  JobListResponse,
  JobRunResponse,
  RECENT_RUNS,
  RunJobDto,
  toJobResponse,
  toJobRunResponse,
} from './dto/cron.dto';
import { JobRegistry } from './job-registry';
import { JobsErrorCode, JobsException } from './jobs.exception';
import { JobsService } from './jobs.service';

/** How the audit log names a scheduler that called with CRON_SECRET (there is no user). */
export const CRON_SECRET_ACTOR: AuditActor = { userId: 'cron-secret', role: 'cron-secret' };

const actorOf = (caller: AuthContext | CronSecretCaller): AuditActor =>
  'cronSecret' in caller ? CRON_SECRET_ACTOR : caller;

/** `/api/cron`: the registered jobs with their recent runs, and running one now. */
@Injectable()
export class CronService {
  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<JobListResponse> {
    const definitions = this.registry.all();
    const [running, histories] = await Promise.all([
      this.jobs.runningAmong(definitions.map((job) => job.name)),
      Promise.all(definitions.map((job) => this.jobs.recentRuns(job.name, RECENT_RUNS))),
    ]);
    return { jobs: definitions.map((job, i) => toJobResponse(job, running.has(job.name), histories[i]!)) };
  }

  /**
   * Runs the job now under its lease, and audits who asked. A failing job is still a recorded
   * run (outcome `failed` with its error); a job running elsewhere is refused, and nothing is
   * written.
   */
  async run(caller: AuthContext | CronSecretCaller, dto: RunJobDto): Promise<JobRunResponse> {
    const job = this.registry.get(dto.job);
    if (!job) {
      const message = `job must name a scheduled job: there is none called "${dto.job}"`;
      throw new JobsException(JobsErrorCode.UnknownJob, message, [{ field: 'job', message }]);
    }
    const run = await this.registry.run(job.name);
    if (!run) {
      throw new JobsException(
        JobsErrorCode.Busy,
        `${job.name} is running already, on this or another server. Try again once it has finished.`,
      );
    }
    await this.audit.record(actorOf(caller), {
      action: 'jobs.run',
      subjectType: 'job_run',
      subjectId: run.id,
      metadata: { job: job.name, outcome: run.outcome },
    });
    return toJobRunResponse(run);
  }
}
