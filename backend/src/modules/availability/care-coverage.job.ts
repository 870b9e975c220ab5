import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { CareAvailability } from './care-availability';

export const CARE_COVERAGE_JOB = 'availability-coverage-roll';

/**
 * Every night, on one instance: moves the coverage table's window on (the search by days and
 * times reads it), and computes it for childminders whose blocks arrived without it (a restore).
 * The table already holds a week beyond the searched ones, so a late run hides no one.
 */
@Injectable()
export class CareCoverageJob implements OnModuleInit {
  private readonly logger = new Logger(CareCoverageJob.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly coverage: CareAvailability,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: CARE_COVERAGE_JOB,
      description:
        'Moves the availability coverage that the search by days and times reads on to the coming weeks, and fills it in for childminders who lack it.',
      schedule: 'Every day at 00:15 (UK time)',
      leaseMs: 30 * 60_000,
      work: () => this.coverage.rollForward(),
    });
  }

  @Cron('15 0 * * *', { name: CARE_COVERAGE_JOB, timeZone: 'Europe/London' })
  async roll(): Promise<void> {
    try {
      await this.registry.run(CARE_COVERAGE_JOB);
    } catch (error) {
      // A scheduler callback must never throw: the next night's run tries again.
      this.logger.error({ err: error }, 'Could not roll the availability coverage forward');
    }
  }
}
