import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { PageQuery } from '@app/common/pagination/page';
import { TicketPageResponse } from '@app/modules/support/dto/ticket.response';
import { SupportSamples } from './support-samples';

@ApiTags('System')
@Controller('test-tickets')
export class TestTicketsController {
  constructor(private readonly samples: SupportSamples) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary:
      'Creates a few sample tickets (one per state) for trying the console and lists the newest tickets; not in production',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  @ApiNotFoundResponse({ description: 'The server runs with NODE_ENV=production' })
  create(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.samples.create(auth, query);
  }
}
