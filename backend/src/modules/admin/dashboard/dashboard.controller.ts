import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { DashboardQuery, DashboardResponse } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('Admin Dashboard')
@Controller('admin/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary:
      'Totals and daily series for a range: sign-ups, bookings, subscriptions and MRR, churn, support, compliance, documents, email, jobs',
  })
  @ApiOkResponse({ type: DashboardResponse })
  overview(@Query() query: DashboardQuery) {
    return this.dashboard.overview(query);
  }
}
