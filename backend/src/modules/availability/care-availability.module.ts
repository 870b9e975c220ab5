import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareAvailabilityPort } from '@app/modules/childminders/search/care-availability.port';
import { AvailabilityCoverageRepository } from './availability-coverage.repository';
import { AvailabilityRepository } from './availability.repository';
import { CareAvailability } from './care-availability';
import { CareCoverageJob } from './care-coverage.job';
import { AvailabilityBlock } from './entities/availability-block.entity';
import { AvailabilityCoverage, AvailabilityCoverageStamp } from './entities/availability-coverage.entity';

/**
 * The availability module's answer to the childminder search (CareAvailabilityPort), and the
 * keeper of the coverage table it reads. It needs nothing but the blocks and coverage tables, so
 * ChildmindersModule imports it while AvailabilityModule imports ChildmindersModule: no cycle,
 * and no lookup that could silently find nothing.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AvailabilityBlock, AvailabilityCoverage, AvailabilityCoverageStamp])],
  providers: [
    AvailabilityRepository,
    AvailabilityCoverageRepository,
    CareAvailability,
    CareCoverageJob,
    { provide: CareAvailabilityPort, useExisting: CareAvailability },
  ],
  exports: [CareAvailabilityPort, CareAvailability],
})
export class CareAvailabilityModule {}
