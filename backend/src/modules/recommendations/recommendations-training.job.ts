import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { RecommendationsService } from './recommendations.service';

export const RECOMMENDATIONS_TRAINING_JOB = 'recommendations-train';

/** Retrains the recommender every night from the day's clicks and booking requests, once per cluster. */
@Injectable()
export class RecommendationsTrainingJob implements OnModuleInit {
  private readonly logger = new Logger(RecommendationsTrainingJob.name);

  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly registry: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: RECOMMENDATIONS_TRAINING_JOB,
      description:
        'Learns the recommendation weights from what parents were shown, clicked and asked to book in the last 90 days, ' +
        'and stores them as a new model version; forgets shown recommendations after 180 days.',
      schedule: 'Every day at 04:15 (UK time)',
      leaseMs: 15 * 60_000,
      work: async () => this.recommendations.trainModel(),
    });
  }

  @Cron('15 4 * * *', { name: RECOMMENDATIONS_TRAINING_JOB, timeZone: 'Europe/London' })
  async train(): Promise<void> {
    try {
      await this.registry.run(RECOMMENDATIONS_TRAINING_JOB);
    } catch (error) {
      // A scheduler callback must never throw: tomorrow's run tries again.
      this.logger.error({ err: error }, 'Could not train the recommender');
    }
  }
}
