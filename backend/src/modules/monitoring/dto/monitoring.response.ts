import { ApiProperty } from '@nestjs/swagger';

export class RouteStatsResponse {
  @ApiProperty({ example: 'GET' }) method: string;
  @ApiProperty({ example: '/api/bookings/:id', description: 'The route template (`unmatched`: no route)' })
  route: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'Answers with a 5xx status' }) errors: number;
  @ApiProperty({ description: 'errors / requests, 0 to 1' }) errorRate: number;
  @ApiProperty({ type: Number, nullable: true, description: 'milliseconds' }) p50: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'milliseconds' }) p95: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'milliseconds' }) p99: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'milliseconds' }) meanMs: number | null;
}

export class WindowStatsResponse {
  @ApiProperty({ enum: ['minute', 'hour', 'day'] }) window: 'minute' | 'hour' | 'day';
  @ApiProperty({ type: String, format: 'date-time' }) since: string;
  @ApiProperty({ type: RouteStatsResponse, description: 'All routes together (method and route `*`)' })
  total: RouteStatsResponse;
  @ApiProperty({ type: [RouteStatsResponse], description: 'Busiest first' }) routes: RouteStatsResponse[];
}

export class MinutePointResponse {
  @ApiProperty({ type: String, format: 'date-time' }) minute: string;
  @ApiProperty() requests: number;
  @ApiProperty() errors: number;
  @ApiProperty({ type: Number, nullable: true }) p95: number | null;
}

export class InstanceResponse {
  @ApiProperty() id: string;
  @ApiProperty() hostname: string;
  @ApiProperty() pid: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ description: 'Seconds from start to when it was last seen' }) uptimeSeconds: number;
  @ApiProperty({ description: 'Reported within the last two minutes' }) live: boolean;
  @ApiProperty({ description: 'The instance that answered this request' }) current: boolean;
}

export class ProcessStatsResponse {
  @ApiProperty() rssBytes: number;
  @ApiProperty() heapUsedBytes: number;
  @ApiProperty() heapTotalBytes: number;
  @ApiProperty() uptimeSeconds: number;
}

export class MonitoringResponse {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [WindowStatsResponse] }) windows: WindowStatsResponse[];
  @ApiProperty({ type: [MinutePointResponse], description: 'The last hour, minute by minute, all instances' })
  lastHour: MinutePointResponse[];
  @ApiProperty({ type: [InstanceResponse], description: 'Instances seen in the last day' })
  instances: InstanceResponse[];
  @ApiProperty({ type: ProcessStatsResponse, description: 'The instance that answered' })
  process: ProcessStatsResponse;
}
