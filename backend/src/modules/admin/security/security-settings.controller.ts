import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { SecuritySettingsResponse, UpdateSecuritySettingsDto } from './security-settings.dto';
import { SecuritySettingsService } from './security-settings.service';

@ApiTags('Admin settings')
@Controller('admin/security-settings')
export class SecuritySettingsController {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Password policy, session lifetimes, lockout, admin 2FA and search policy' })
  @ApiOkResponse({ type: SecuritySettingsResponse })
  get() {
    return this.settings.get();
  }

  @Patch()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Change security settings: effective on the next request everywhere; audited old and new' })
  @ApiOkResponse({ type: SecuritySettingsResponse })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateSecuritySettingsDto, @ReqMeta() meta: RequestMeta) {
    return this.settings.update(auth, dto, meta);
  }
}
