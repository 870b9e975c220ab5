import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { NotificationPreferencesResponse } from './dto/notification-preferences.response';
import { UpdateNotificationPreferencesDto } from './dto/update-notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('User')
@Controller('user/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Which notifications the signed-in user receives, per type and channel' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  list(@Auth() auth: AuthContext) {
    return this.preferences.list(auth.userId);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({
    summary: 'Turn notification types on or off per channel; types and channels left out keep their setting',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiBadRequestResponse({
    description: 'An unknown type, a repeated type, a non-boolean value, or a change to a locked type',
  })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateNotificationPreferencesDto, @ReqMeta() meta: RequestMeta) {
    return this.preferences.update(auth.userId, dto.preferences, meta);
  }
}
