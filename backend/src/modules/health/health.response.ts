import { ApiProperty } from '@nestjs/swagger';

export type CheckState = 'up' | 'down' | 'not_configured';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status: 'ok' | 'degraded' | 'down';
  @ApiProperty({ example: { database: 'up', redis: 'not_configured' } }) checks: Record<string, CheckState>;
}
