import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { JobsService } from '@app/modules/jobs/jobs.service';
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
export class RealtimePruneJob {
  private readonly logger = new Logger(RealtimePruneJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly events: RealtimeEventsRepository,
    private readonly tickets: SseTicketsService,
  ) {}

  @Interval(REALTIME_PRUNE_JOB, EVERY_MS)
  async tick(): Promise<void> {
    try {
      await this.jobs.runExclusive(REALTIME_PRUNE_JOB, LEASE_MS, () => this.prune());
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
