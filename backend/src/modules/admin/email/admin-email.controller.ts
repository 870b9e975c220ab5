import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { SendEmailDto, SendEmailResponse } from './admin-email.dto';
import { AdminEmailService } from './admin-email.service';

@ApiTags('Notifications')
@Controller('notifications/email')
export class AdminEmailController {
  constructor(private readonly email: AdminEmailService) {}

  @Post()
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Email one user or a segment (role, paid plan, postcode prefix) through the outbox; preview: true sends nothing',
  })
  @ApiOkResponse({ type: SendEmailResponse })
  @ApiTooManyRequestsResponse({ description: 'EMAIL_RATE_LIMITED: too many sends this hour' })
  send(@Auth() auth: AuthContext, @Body() dto: SendEmailDto, @ReqMeta() meta: RequestMeta) {
    return this.email.send(auth, dto, meta);
  }
}
