import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { ListOutboxQuery, OutboxEmailDetailResponse, OutboxIdParams, OutboxPageResponse } from '../dto/outbox.dto';
import { AdminOutboxService } from './admin-outbox.service';

@ApiTags('Notifications')
@Controller('admin/email-outbox')
export class AdminOutboxController {
  constructor(private readonly outbox: AdminOutboxService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'The email outbox, newest first: pending, sent and failed emails' })
  @ApiOkResponse({ type: OutboxPageResponse })
  list(@Query() query: ListOutboxQuery) {
    return this.outbox.list(query);
  }

  @Get(':id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'One email with its text (audited)' })
  @ApiOkResponse({ type: OutboxEmailDetailResponse })
  @ApiNotFoundResponse({ description: 'No such email' })
  get(@Auth() auth: AuthContext, @Param() params: OutboxIdParams, @ReqMeta() meta: RequestMeta) {
    return this.outbox.get(auth, params.id, meta);
  }
}
