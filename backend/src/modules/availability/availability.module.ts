import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { AvailabilityController, PublicAvailabilityController } from './availability.controller';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { CareAvailabilityModule } from './care-availability.module';
import { AvailabilityBlock } from './entities/availability-block.entity';
import { AvailabilityPersonalData } from './availability.personal-data';

/**
 * Childminders' available time and time off, with RFC 5545 recurrence in Europe/London.
 * Bookings check requests against `AvailabilityService.windowFor`; the childminder's calendar
 * (bookings module) shows `calendarOccurrences` next to bookings; the childminder search filters
 * by days and times through CareAvailabilityPort.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AvailabilityBlock]), ChildmindersModule, CareAvailabilityModule],
  controllers: [AvailabilityController, PublicAvailabilityController],
  providers: [AvailabilityPersonalData, AvailabilityRepository, AvailabilityService],
  exports: [AvailabilityService],
})
export class AvailabilityModule {}
