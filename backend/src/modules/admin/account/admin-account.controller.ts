import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { ProfileResponse } from '@app/modules/users/dto/user.response';
import { UpdateProfileDto } from '@app/modules/users/dto/update-profile.dto';
import { AdminSettingsResponse, UpdateAdminSettingsDto } from './admin-account.dto';
import { AdminAccountService } from './admin-account.service';

@ApiTags('Admin settings')
@Controller('admin')
export class AdminAccountController {
  constructor(private readonly account: AdminAccountService) {}

  @Get('settings')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'My admin settings: which admin events reach me by email and in the app; my 2FA status' })
  @ApiOkResponse({ type: AdminSettingsResponse })
  getSettings(@Auth() auth: AuthContext) {
    return this.account.getSettings(auth);
  }

  @Put('settings')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Change which admin events reach me (events not listed keep their setting)' })
  @ApiOkResponse({ type: AdminSettingsResponse })
  updateSettings(@Auth() auth: AuthContext, @Body() dto: UpdateAdminSettingsDto) {
    return this.account.updateSettings(auth, dto);
  }

  @Get('profile')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'My admin profile' })
  @ApiOkResponse({ type: ProfileResponse })
  getProfile(@Auth() auth: AuthContext) {
    return this.account.getProfile(auth);
  }

  @Put('profile')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Change my name, phone or postcode (email and role cannot be changed here)' })
  @ApiOkResponse({ type: ProfileResponse })
  updateProfile(@Auth() auth: AuthContext, @Body() dto: UpdateProfileDto, @ReqMeta() meta: RequestMeta) {
    return this.account.updateProfile(auth, dto, meta);
  }
}
