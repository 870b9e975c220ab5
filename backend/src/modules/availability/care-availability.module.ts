import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareAvailabilityPort } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityRepository } from './availability.repository';
import { CareAvailability } from './care-availability';
import { AvailabilityBlock } from './entities/availability-block.entity';

/**
 * The availability module's answer to the childminder search (CareAvailabilityPort). It needs
 * nothing but the blocks table, so ChildmindersModule imports it while AvailabilityModule
 * imports ChildmindersModule: no cycle, and no lookup that could silently find nothing.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AvailabilityBlock])],
  providers: [
    AvailabilityRepository,
    CareAvailability,
    { provide: CareAvailabilityPort, useExisting: CareAvailability },
  ],
  exports: [CareAvailabilityPort],
})
export class CareAvailabilityModule {}
