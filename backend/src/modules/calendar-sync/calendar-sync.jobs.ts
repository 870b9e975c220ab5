import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { CalendarPushService } from './calendar-push.service';
import { CalendarSyncRepository } from './calendar-sync.repository';
import { GoogleCalendarGateway } from './google-calendar.gateway';

export const CALENDAR_PUSH_JOB = 'calendar-push';
export const CALENDAR_PULL_JOB = 'calendar-pull';
const LEASE_MS = 10 * 60_000;
/** Connections handled per run; the next run takes the rest. */
const BATCH = 100;
/** Busy time is read again once it is this old. */
export const PULL_EVERY_MS = 15 * 60_000;

export interface PushSummary {
  calendars: number;
  created: number;
  updated: number;
  deleted: number;
  failed: number;
  reconnectNeeded: number;
}

export interface PullSummary {
  calendars: number;
  busyTimes: number;
  failed: number;
}

/**
 * Google Calendar's two scheduled jobs, once per cluster each: the push queue (every calendar
 * whose push is due: reconciliation, or a retry with backoff after a failure) and the busy-time
 * read (each connected childminder every 15 minutes).
 */
@Injectable()
export class CalendarSyncJobs implements OnModuleInit {
  private readonly logger = new Logger(CalendarSyncJobs.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly repository: CalendarSyncRepository,
    private readonly pusher: CalendarPushService,
    private readonly gateway: GoogleCalendarGateway,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: CALENDAR_PUSH_JOB,
      description:
        'Sends bookings and availability to connected Google calendars (changes, deletions), retrying failures with backoff.',
      schedule: 'Every minute (each calendar every 10 minutes, sooner after a failure)',
      leaseMs: LEASE_MS,
      work: async () => ({ ...(await this.push(new Date())) }),
    });
    this.registry.register({
      name: CALENDAR_PULL_JOB,
      description: "Reads connected childminders' busy times from Google Calendar as unavailable time.",
      schedule: 'Every 5 minutes (each childminder every 15 minutes)',
      leaseMs: LEASE_MS,
      work: async () => ({ ...(await this.pull(new Date())) }),
    });
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: CALENDAR_PUSH_JOB })
  async scheduledPush(): Promise<void> {
    await this.runScheduled(CALENDAR_PUSH_JOB);
  }

  @Cron(CronExpression.EVERY_5_MINUTES, { name: CALENDAR_PULL_JOB })
  async scheduledPull(): Promise<void> {
    await this.runScheduled(CALENDAR_PULL_JOB);
  }

  private async runScheduled(name: string): Promise<void> {
    if (!this.gateway.configured) return;
    try {
      await this.registry.run(name);
    } catch (error) {
      // A scheduler callback must never throw: the next run tries again.
      this.logger.error({ err: error }, `${name} run failed`);
    }
  }

  /** Pushes every calendar that is due at `now`. */
  async push(now: Date): Promise<PushSummary> {
    const summary: PushSummary = { calendars: 0, created: 0, updated: 0, deleted: 0, failed: 0, reconnectNeeded: 0 };
    if (!this.gateway.configured) return summary;
    for (const connection of await this.repository.findDueForPush(now, BATCH)) {
      summary.calendars++;
      try {
        const counts = await this.pusher.push(connection, now);
        summary.created += counts.created;
        summary.updated += counts.updated;
        summary.deleted += counts.deleted;
        summary.failed += counts.failed;
      } catch {
        summary.reconnectNeeded++;
      }
    }
    return summary;
  }

  /** Reads busy time of every connected childminder not read in the last 15 minutes. */
  async pull(now: Date): Promise<PullSummary> {
    const summary: PullSummary = { calendars: 0, busyTimes: 0, failed: 0 };
    if (!this.gateway.configured) return summary;
    for (const connection of await this.repository.findDueForPull(new Date(+now - PULL_EVERY_MS + 30_000), BATCH)) {
      summary.calendars++;
      try {
        summary.busyTimes += await this.pusher.pull(connection, now);
      } catch {
        summary.failed++;
      }
    }
    return summary;
  }
}
