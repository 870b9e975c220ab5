import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { ComplianceExpirationsJob } from './compliance-expirations.job';
import { ComplianceService } from './compliance.service';
import {
  ComplianceOverviewResponse,
  ExpirationRunResponse,
  ExpirationsResponse,
  ListComplianceQuery,
  UpdateComplianceDto,
  UpdateComplianceResponse,
} from './dto/compliance-admin.dto';
import { OwnComplianceResponse } from './dto/own-compliance.dto';
import { ChangedRequirementResponse, CreateRequirementDto } from './dto/requirement.dto';

@ApiTags('Documents')
@Controller('user/compliance')
export class OwnComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get()
  @Authenticated({ roles: [Role.Childminder] })
  @ApiOperation({
    summary: 'My compliance checklist: each requirement with its state and last valid day, my status and badges',
  })
  @ApiOkResponse({ type: OwnComplianceResponse })
  own(@Auth() auth: AuthContext) {
    return this.compliance.own(auth);
  }
}

@ApiTags('Admin compliance')
@Controller('admin/compliance')
export class AdminComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Requirements, and a page of childminders with their compliance status (filter by status)' })
  @ApiOkResponse({ type: ComplianceOverviewResponse })
  @ApiBadRequestResponse({ description: 'A filter is not acceptable (named in details)' })
  overview(@Query() query: ListComplianceQuery) {
    return this.compliance.overview(query);
  }

  @Post()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Create a requirement for a role and document type' })
  @ApiCreatedResponse({ type: ChangedRequirementResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable (named in details)' })
  @ApiConflictResponse({ description: 'A requirement for this role and type exists' })
  create(@Auth() auth: AuthContext, @Body() dto: CreateRequirementDto) {
    return this.compliance.createRequirement(auth, dto);
  }

  @Patch()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary:
      'Change a requirement (`requirement`), set/clear a childminder override with a reason (`override`), or the policy (`settings`)',
    description:
      'Send exactly one of the three. `override.status: null` removes the override. Every change is audited.',
  })
  @ApiOkResponse({ type: UpdateComplianceResponse })
  @ApiBadRequestResponse({ description: 'Neither or both parts, or a field is not acceptable' })
  @ApiNotFoundResponse({ description: 'No such requirement or childminder' })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateComplianceDto) {
    return this.compliance.update(auth, dto);
  }
}

@ApiTags('Admin compliance')
@Controller('compliance/check-expirations')
export class ComplianceExpirationsController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly job: ComplianceExpirationsJob,
  ) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Users with approved documents expiring within the reminder window or expired' })
  @ApiOkResponse({ type: ExpirationsResponse })
  list() {
    return this.compliance.expirations();
  }

  @Post()
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Run the daily expiration check now: send due reminders (each once), report expired' })
  @ApiOkResponse({ type: ExpirationRunResponse })
  @ApiConflictResponse({ description: 'The check is already running' })
  run() {
    return this.job.runNow();
  }
}
