import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { PageQuery } from '@app/common/pagination/page';
import { ActivityService } from './activity.service';
import { ActivityPageResponse } from './dto/activity-entry.response';

@ApiTags('User')
@Controller('user/activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "Page through the caller's own account activity, newest first" })
  @ApiOkResponse({ type: ActivityPageResponse })
  list(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.activity.listForUser(auth.userId, query);
  }
}
