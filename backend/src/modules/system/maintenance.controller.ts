import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { MaintenanceResponse, UpdateMaintenanceDto } from './dto/maintenance.dto';
import { MaintenanceService } from './maintenance.service';

@ApiTags('System')
@Controller('system/maintenance')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the platform is in maintenance mode, with the message users see' })
  @ApiOkResponse({ type: MaintenanceResponse })
  read(): MaintenanceResponse {
    return this.maintenance.read();
  }

  @Patch()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Turn maintenance mode on or off, with the message and expected end (admins)',
    description:
      'While on, every API call except admins’ (and sign-in and health) answers 503 with code MAINTENANCE, the message and Retry-After, on every instance. Audited.',
  })
  @ApiOkResponse({ type: MaintenanceResponse })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateMaintenanceDto, @ReqMeta() meta: RequestMeta) {
    return this.maintenance.update(auth, dto, meta.ip);
  }
}
