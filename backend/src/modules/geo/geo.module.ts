import { Module } from '@nestjs/common';
import { GeocoderService } from './geocoder.service';
import { MapController } from './map.controller';

/**
 * Postcodes to places and distances, offline, and the map settings the web app draws with. No
 * tables: the search, profiles and recommendations call `GeocoderService.locate` and the pure
 * helpers in geo-math.ts.
 */
@Module({
  controllers: [MapController],
  providers: [GeocoderService],
  exports: [GeocoderService],
})
export class GeoModule {}
