import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/common/auth/decorators';
import { AppConfig } from '@app/config/app-config';

export class MapSettingsResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    description: 'Raster tile template; null when maps have no tiles (markers on a plain background)',
  })
  tileUrl: string | null;
  @ApiProperty({ example: '© OpenStreetMap contributors' }) attribution: string;
}

/** What the web app needs to draw maps; configured per deployment (MAP_TILE_URL). */
@ApiTags('Childminders')
@Controller('geo')
export class MapController {
  constructor(private readonly config: AppConfig) {}

  @Get('map-settings')
  @Public()
  @ApiOperation({ summary: 'Map tile settings for the search map' })
  @ApiOkResponse({ type: MapSettingsResponse })
  settings(): MapSettingsResponse {
    return { tileUrl: this.config.map.tileUrl, attribution: this.config.map.attribution };
  }
}
