import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ListLogsQuery, LogPageResponse } from './dto/logs.dto';
import { MonitoringResponse } from './dto/monitoring.response';
import { LogsService } from './logs/logs.service';
import { MonitoringService } from './monitoring.service';

@ApiTags('Admin: monitoring')
@Controller('admin')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly logs: LogsService,
  ) {}

  @Get('monitoring')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Latency p50/p95/p99 and error rate per route for the last minute, hour and day, over every instance',
    description:
      'Also the last hour minute by minute, the instances seen with their uptime, and this process’s memory.',
  })
  @ApiOkResponse({ type: MonitoringResponse })
  monitoringSummary() {
    return this.monitoring.summary();
  }

  @Get('logs')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Persisted warnings, errors and audit events, newest first, with filters and paging',
    description: 'Filter by `requestId` with the x-request-id header (or `requestId` of an error body) of a response.',
  })
  @ApiOkResponse({ type: LogPageResponse })
  listLogs(@Query() query: ListLogsQuery) {
    return this.logs.list(query);
  }
}
