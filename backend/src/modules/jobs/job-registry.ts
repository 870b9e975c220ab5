import { Injectable } from '@nestjs/common';
import { JobRun } from './entities/job-run.entity';
import { JobResult, JobsService } from './jobs.service';

/** A scheduled job as admins see it and as `/api/cron` runs it. */
export interface JobDefinition {
  /** Lower-case words joined by hyphens; also the job's lease and its rows in job_runs. */
  name: string;
  /** What one run does, for admins. */
  description: string;
  /** When it runs on its own, in words (the @Cron/@Interval beside it says it to the scheduler). */
  schedule: string;
  /** How long a crashed holder keeps others from running it (see JobsService.runExclusive). */
  leaseMs: number;
  /** One run now; the summary it returns is kept with the run. */
  work: () => Promise<JobResult>;
}

const JOB_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The one list of scheduled jobs. Each job registers itself when its module starts
 * (`onModuleInit`), so the jobs module need not know the others; the scheduler's callbacks and
 * `POST /api/cron` both run a job through `run`, under its lease.
 */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  constructor(private readonly runner: JobsService) {}

  register(job: JobDefinition): void {
    if (!JOB_NAME.test(job.name) || job.name.length > 100) {
      throw new Error(`"${job.name}" is not a job name: lower-case words joined by hyphens, at most 100 characters`);
    }
    if (this.jobs.has(job.name)) throw new Error(`A job named ${job.name} is already registered`);
    this.jobs.set(job.name, job);
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  /** Every registered job, by name. */
  all(): JobDefinition[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Runs a registered job now unless it is running anywhere in the cluster (then undefined).
   * A failure inside the job is recorded on the run, not thrown.
   */
  async run(name: string): Promise<JobRun | undefined> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No job named ${name} is registered`);
    return this.runner.runExclusive(job.name, job.leaseMs, job.work);
  }
}
