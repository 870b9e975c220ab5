import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { LogsService } from './logs/logs.service';
import { RequestStatsRepository } from './request-stats.repository';

export const LOGS_PRUNE_JOB = 'logs-prune';
export const REQUEST_STATS_PRUNE_JOB = 'request-stats-prune';
/** Request statistics cover the last day; two are kept. */
const REQUEST_STATS_KEEP_MS = 2 * 86_400_000;

/** Nightly, once per cluster: logs older than the retention setting, and old request statistics. */
@Injectable()
export class MonitoringPruneJob implements OnModuleInit {
  private readonly logger = new Logger(MonitoringPruneJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly logs: LogsService,
    private readonly stats: RequestStatsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: LOGS_PRUNE_JOB,
      description: 'Deletes persisted log lines older than the log retention setting (logs.retentionDays).',
      schedule: 'Every day at 03:30 (UK time)',
      leaseMs: 10 * 60_000,
      work: () => this.logs.prune(),
    });
    this.registry.register({
      name: REQUEST_STATS_PRUNE_JOB,
      description: 'Deletes per-minute request statistics older than two days, and instances not seen since.',
      schedule: 'Every day at 03:40 (UK time)',
      leaseMs: 10 * 60_000,
      work: () => this.stats.pruneBefore(new Date(Date.now() - REQUEST_STATS_KEEP_MS)),
    });
  }

  @Cron('30 3 * * *', { name: LOGS_PRUNE_JOB, timeZone: 'Europe/London' })
  async pruneLogs(): Promise<void> {
    await this.runSafely(LOGS_PRUNE_JOB);
  }

  @Cron('40 3 * * *', { name: REQUEST_STATS_PRUNE_JOB, timeZone: 'Europe/London' })
  async pruneRequestStats(): Promise<void> {
    await this.runSafely(REQUEST_STATS_PRUNE_JOB);
  }

  private async runSafely(name: string): Promise<void> {
    try {
      await this.registry.run(name);
    } catch (error) {
      // A scheduler callback must never throw: the next night's run tries again.
      this.logger.error({ err: error }, `Job ${name} could not run`);
    }
  }
}
