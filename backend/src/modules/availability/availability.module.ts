import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildmindersModule } from '@app/modules/childminders/childminders.module';
import { CareAvailabilityPort } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityController, PublicAvailabilityController } from './availability.controller';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { AvailabilityBlock } from './entities/availability-block.entity';
import { AvailabilityPersonalData } from './availability.personal-data';

/**
 * Childminders' available time and time off, with RFC 5545 recurrence in Europe/London.
 * Bookings check requests against `AvailabilityService.windowFor`; the childminder's calendar
 * (bookings module) shows `calendarOccurrences` next to bookings; the childminder search filters
 * by days and times through CareAvailabilityPort.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AvailabilityBlock]), ChildmindersModule],
  controllers: [AvailabilityController, PublicAvailabilityController],
  providers: [
    AvailabilityPersonalData,
    AvailabilityRepository,
    AvailabilityService,
    // Answers the search's "who can give this care?" (see CareAvailabilityPort).
    { provide: CareAvailabilityPort, useExisting: AvailabilityService },
  ],
  exports: [AvailabilityService, AvailabilityRepository],
})
export class AvailabilityModule {}
