import { Module } from '@nestjs/common';
import { GeocoderService } from './geocoder.service';

/**
 * Postcodes to places and distances, offline. No routes and no tables: the search, profiles and
 * recommendations call `GeocoderService.locate` and the pure helpers in geo-math.ts.
 */
@Module({
  providers: [GeocoderService],
  exports: [GeocoderService],
})
export class GeoModule {}
