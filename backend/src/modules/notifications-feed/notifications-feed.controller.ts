import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ListNotificationsQuery, NotificationIdParams } from './dto/notification-query';
import { NotificationPageResponse, NotificationResponse, UnreadCountResponse } from './dto/notification.response';
import { NotificationsFeedService } from './notifications-feed.service';

@ApiTags('Notifications')
@Controller('notifications')
export class NotificationsFeedController {
  constructor(private readonly feed: NotificationsFeedService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiBadRequestResponse({ description: 'page, pageSize or unreadOnly not acceptable' })
  list(@Auth() auth: AuthContext, @Query() query: ListNotificationsQuery) {
    return this.feed.list(auth, query);
  }

  @Post('read-all')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: UnreadCountResponse })
  markAllRead(@Auth() auth: AuthContext) {
    return this.feed.markAllRead(auth);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such notification, or not mine' })
  markRead(@Auth() auth: AuthContext, @Param() params: NotificationIdParams) {
    return this.feed.markRead(auth, params.id);
  }
}
