import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '@app/modules/availability/availability.module';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { ChildrenModule } from '@app/modules/children/children.module';
import { JobsModule } from '@app/modules/jobs/jobs.module';
import { MessagingModule } from '@app/modules/messaging/messaging.module';
import { RecommendationImpression } from './entities/recommendation-impression.entity';
import { RecommendationModel } from './entities/recommendation-model.entity';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';
import { RecommendationsTrainingJob } from './recommendations-training.job';

/** Learned recommendations: match scores with reasons, clicks, and the nightly training. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RecommendationImpression, RecommendationModel]),
    ChildmindersModule,
    ChildrenModule,
    BookingsModule,
    AvailabilityModule,
    JobsModule,
    // Reply rate and time, through MessagingService.responseStatsFor.
    MessagingModule,
  ],
  controllers: [RecommendationsController],
  providers: [RecommendationsRepository, RecommendationsService, RecommendationsTrainingJob],
})
export class RecommendationsModule {}
