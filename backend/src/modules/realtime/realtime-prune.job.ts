import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { RealtimeEventsRepository } from './realtime-events.repository';
import { REALTIME_RETENTION_MS } from './realtime.service';
import { SseTicketsService } from './sse/sse-tickets.service';

export const REALTIME_PRUNE_JOB = 'realtime-prune';
const EVERY_MS = 60 * 60_000;
const LEASE_MS = 10 * 60_000;

/**
 * Hourly, on one instance: drops events older than twice the promised 24 hours of replay, and
 * spent or expired SSE tickets.
 */
@Injectable()
export class RealtimePruneJob implements OnModuleInit {
  private readonly logger = new Logger(RealtimePruneJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly events: RealtimeEventsRepository,
    private readonly tickets: SseTicketsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: REALTIME_PRUNE_JOB,
      description: 'Deletes realtime events older than 48 hours (twice the promised replay) and spent SSE tickets.',
      schedule: 'Every hour',
      leaseMs: LEASE_MS,
      work: () => this.prune(),
    });
  }

  @Interval(REALTIME_PRUNE_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      await this.registry.run(REALTIME_PRUNE_JOB);
    } catch (error) {
      this.logger.error({ err: error }, 'Realtime prune failed');
    }
  }

  async prune(now = new Date()): Promise<{ events: number; tickets: number }> {
    const events = await this.events.deleteOlderThan(new Date(now.getTime() - REALTIME_RETENTION_MS * 2));
    const tickets = await this.tickets.deleteExpired(new Date(now.getTime() - 60_000));
    return { events, tickets };
  }
}
