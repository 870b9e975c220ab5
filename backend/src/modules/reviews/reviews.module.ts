import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/modules/auth/auth.module';
import { BookingsModule } from '@app/modules/bookings/bookings.module';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { UsersModule } from '@app/modules/users/users.module';
import { Review } from './entities/review.entity';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { ReviewsPersonalData } from './reviews.personal-data';

/** Parents' reviews of completed bookings and childminders' replies; keeps profiles' ratings. */
@Module({
  imports: [TypeOrmModule.forFeature([Review]), ChildmindersModule, AuthModule, BookingsModule, UsersModule],
  controllers: [ReviewsController],
  providers: [ReviewsPersonalData, ReviewsRepository, ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
