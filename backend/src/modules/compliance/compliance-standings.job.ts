import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AppConfig } from '@app/config/app-config';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { ComplianceService } from './compliance.service';

export const COMPLIANCE_STANDINGS_JOB = 'compliance-standings';
const LEASE_MS = 5 * 60_000;
const CHECK_EVERY_MS = 60_000;

/**
 * Applies a requirement change to every childminder's stored compliance standing, on one
 * instance, in batches: the admin's request only marks the standings stale (in its transaction)
 * and starts this job; it continues where a stopped run left off (the marker keeps its place),
 * and every minute it looks for a marker that no run is working on (after a restart).
 */
@Injectable()
export class ComplianceStandingsJob implements OnModuleInit {
  private readonly logger = new Logger(ComplianceStandingsJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly service: ComplianceService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: COMPLIANCE_STANDINGS_JOB,
      description:
        "Recomputes every childminder's compliance standing (what search and the dashboard read) after a requirement changed.",
      schedule: 'Every minute while a requirement change has not reached every standing, and at once after a change',
      leaseMs: LEASE_MS,
      work: () => this.service.recomputeStaleStandings(),
    });
    // With jobs off (tests, one-off commands) nothing runs on its own: POST /api/cron runs it.
    if (this.config.jobsEnabled) this.service.onStandingsStale(() => setImmediate(() => void this.run()));
  }

  @Interval(COMPLIANCE_STANDINGS_JOB, CHECK_EVERY_MS)
  async run(): Promise<void> {
    try {
      // Nothing to do, nothing recorded: job_runs keeps the runs that recomputed something.
      if (!(await this.service.standingsAreStale())) return;
      // A run already going (here or elsewhere) sees the new marker before it finishes.
      await this.registry.run(COMPLIANCE_STANDINGS_JOB);
    } catch (error) {
      // A scheduler callback must never throw: the next check tries again.
      this.logger.error({ err: error }, "Could not recompute the childminders' compliance standings");
    }
  }
}
