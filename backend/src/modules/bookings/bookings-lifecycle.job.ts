import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { ChildrenService } from '@app/modules/children/children.service';
import { AfterCommit, BookingEvent, BookingNotifier } from './booking-notifier';
import { PENDING_EXPIRY_HOURS, REMINDER_HOURS } from './booking-rules';
import { FROM } from './booking-transitions';
import { BookingsRepository } from './bookings.repository';
import { Booking, BookingStatus } from './entities/booking.entity';

export const BOOKINGS_LIFECYCLE_JOB = 'bookings-lifecycle';
const LEASE_MS = 10 * 60_000;
/** Rows handled per step and run; the next run picks up the rest. */
const BATCH = 500;

export interface LifecycleSummary {
  expired: number;
  completed: number;
  reminders: number;
}

/**
 * Every ten minutes, once across the cluster: expires requests left unanswered for 48 hours (or
 * whose start has come), completes confirmed bookings that have ended, and reminds both sides
 * 24 hours before a booking starts (once per booking). Each booking changes in its own small
 * transaction with its emails; a conditional update makes a race with a person harmless.
 */
@Injectable()
export class BookingsLifecycleJob implements OnModuleInit {
  private readonly logger = new Logger(BookingsLifecycleJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: JobRegistry,
    private readonly bookings: BookingsRepository,
    private readonly children: ChildrenService,
    private readonly notifier: BookingNotifier,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: BOOKINGS_LIFECYCLE_JOB,
      description: `Expires requests unanswered for ${PENDING_EXPIRY_HOURS} hours, completes bookings that have ended and reminds both sides ${REMINDER_HOURS} hours before a booking.`,
      schedule: 'Every 10 minutes',
      leaseMs: LEASE_MS,
      work: async () => ({ ...(await this.run(new Date())) }),
    });
  }

  @Cron(CronExpression.EVERY_10_MINUTES, { name: BOOKINGS_LIFECYCLE_JOB })
  async scheduled(): Promise<void> {
    try {
      await this.registry.run(BOOKINGS_LIFECYCLE_JOB);
    } catch (error) {
      // A scheduler callback must never throw: the next run tries again.
      this.logger.error({ err: error }, 'Bookings lifecycle run failed');
    }
  }

  /** One run now, unless another instance is running it (then undefined). */
  async runNow(now: Date = new Date()): Promise<LifecycleSummary | undefined> {
    let summary: LifecycleSummary | undefined;
    await this.jobs.runExclusive(BOOKINGS_LIFECYCLE_JOB, LEASE_MS, async () => {
      summary = await this.run(now);
      return { ...summary };
    });
    return summary;
  }

  async run(now: Date): Promise<LifecycleSummary> {
    let expired = 0;
    const createdBefore = new Date(+now - PENDING_EXPIRY_HOURS * 3_600_000);
    for (const booking of await this.bookings.findExpirable(createdBefore, now, BATCH)) {
      const reason =
        booking.startsAt <= now
          ? 'The childminder did not answer before the booking was due to start'
          : `The childminder did not answer within ${PENDING_EXPIRY_HOURS} hours`;
      if (
        await this.move(
          booking,
          FROM.expire,
          { status: BookingStatus.Expired, statusReason: reason, statusChangedAt: now },
          'expired',
        )
      ) {
        expired++;
      }
    }
    let completed = 0;
    for (const booking of await this.bookings.findFinished(now, BATCH)) {
      if (await this.move(booking, FROM.complete, { status: BookingStatus.Completed, statusChangedAt: now }))
        completed++;
    }
    let reminders = 0;
    const until = new Date(+now + REMINDER_HOURS * 3_600_000);
    for (const booking of await this.bookings.findDueReminder(now, until, BATCH)) {
      const after = await this.bookings.transaction(async (manager) => {
        if (!(await this.bookings.claimReminder(booking.id, now, manager))) return null;
        const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
        const children = await this.children.findByIds(
          (detailed.children ?? []).map((l) => l.childId),
          manager,
        );
        return this.notifier.queue(manager, 'reminder', detailed, children);
      });
      if (after) {
        reminders++;
        // A reminder changes nothing a client shows: push the notifications only.
        await this.notifier.announce(after, { publish: false });
      }
    }
    return { expired, completed, reminders };
  }

  /** Moves one booking if it is still `from`, with its notifications in the same transaction. */
  private async move(
    booking: Booking,
    from: readonly BookingStatus[],
    changes: Partial<Booking> & { status: BookingStatus },
    event?: BookingEvent,
  ): Promise<boolean> {
    const after: AfterCommit | null | undefined = await this.bookings.transaction(async (manager) => {
      if (!(await this.bookings.transition(booking.id, from, changes, manager))) return null;
      const detailed = await this.bookings.findDetailedOrFail(booking.id, manager);
      if (!event) return { notifications: [], booking: detailed };
      const children = await this.children.findByIds(
        (detailed.children ?? []).map((l) => l.childId),
        manager,
      );
      return this.notifier.queue(manager, event, detailed, children);
    });
    if (!after) return false;
    await this.notifier.announce(after);
    return true;
  }
}
