import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { AuthService } from './auth.service';
import { ChangePasswordDto, DisableTwoFactorDto, TwoFactorCodeDto } from './dto/auth.dto';
import {
  MessageResponse,
  TwoFactorDisabledResponse,
  TwoFactorEnabledResponse,
  TwoFactorSetupResponse,
  TwoFactorStatusResponse,
} from './dto/auth.response';
import { TwoFactorService } from './two-factor/two-factor.service';

@ApiTags('User')
@Controller('user')
export class AccountSecurityController {
  constructor(
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Patch('password')
  @Authenticated()
  @ApiOperation({ summary: 'Change password: needs the current one; other sessions are signed out' })
  @ApiOkResponse({ type: MessageResponse })
  changePassword(@Auth() auth: AuthContext, @Body() dto: ChangePasswordDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.changePassword(auth, dto, meta);
  }

  @Get('2fa/status')
  @Authenticated()
  @ApiOperation({ summary: 'Whether two-factor authentication is on, and how many recovery codes are left' })
  @ApiOkResponse({ type: TwoFactorStatusResponse })
  twoFactorStatus(@Auth() auth: AuthContext) {
    return this.twoFactor.status(auth);
  }

  @Post('2fa/setup')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start setup: a new secret as a QR code and otpauth URI (not on until verified)' })
  @ApiOkResponse({ type: TwoFactorSetupResponse })
  @ApiConflictResponse({ description: 'Already on' })
  setupTwoFactor(@Auth() auth: AuthContext) {
    return this.twoFactor.setup(auth);
  }

  @Post('2fa/verify')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Turn two-factor on with a first correct code; returns 10 recovery codes once' })
  @ApiOkResponse({ type: TwoFactorEnabledResponse })
  @ApiBadRequestResponse({ description: 'Wrong code (details name the field)' })
  verifyTwoFactor(@Auth() auth: AuthContext, @Body() dto: TwoFactorCodeDto, @ReqMeta() meta: RequestMeta) {
    return this.twoFactor.enable(auth, dto.code, meta);
  }

  @Post('2fa/disable')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Turn two-factor off with a current code or the password' })
  @ApiOkResponse({ type: TwoFactorDisabledResponse })
  disableTwoFactor(@Auth() auth: AuthContext, @Body() dto: DisableTwoFactorDto, @ReqMeta() meta: RequestMeta) {
    return this.twoFactor.disable(auth, dto, meta);
  }
}
