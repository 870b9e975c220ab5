import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RequestMeta, ReqMeta } from '@app/common/http/request-meta';
import { PageQuery } from '@app/common/pagination/page';
import {
  AdminConversationsQuery,
  AdminSearchQuery,
  AdminThreadQuery,
  ConversationIdParams,
  SendMessageDto,
  ThreadQuery,
} from './dto/messaging.dto';
import {
  AdminConversationPageResponse,
  AdminSearchPageResponse,
  AdminThreadResponse,
  BlockStateResponse,
  ConversationPageResponse,
  SentMessageResponse,
  ThreadResponse,
} from './dto/messaging.response';
import { MessagingService } from './messaging.service';

const PARENT = [Role.Parent] as const;
const CHILDMINDER = [Role.Childminder] as const;
const PARTICIPANTS = [Role.Parent, Role.Childminder] as const;

@ApiTags('Parent dashboard')
@Controller('dashboard/parent/messages')
export class ParentMessagesController {
  constructor(private readonly messaging: MessagingService) {}

  @Get()
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'My conversations with childminders, latest first, with unread counts' })
  @ApiOkResponse({ type: ConversationPageResponse })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  list(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.messaging.list(auth, query);
  }

  @Get('conversation')
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'One conversation, newest messages first, paged by cursor; opening it marks it read' })
  @ApiOkResponse({ type: ThreadResponse })
  @ApiBadRequestResponse({ description: 'conversationId, cursor or limit not acceptable' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not mine' })
  thread(@Auth() auth: AuthContext, @Query() query: ThreadQuery) {
    return this.messaging.thread(auth, query);
  }

  @Post('send')
  @Authenticated({ roles: PARENT })
  @ApiOperation({
    summary: 'Send a message to a childminder (starting the conversation if needed) or into a conversation',
  })
  @ApiCreatedResponse({ type: SentMessageResponse })
  @ApiBadRequestResponse({
    description: 'Text empty or over 5,000 characters, or neither/both of recipientId and conversationId',
  })
  @ApiResponse({
    status: 402,
    description:
      'Starting a new conversation needs a plan with "conversations.start"; the message names it. Replies never do.',
  })
  @ApiForbiddenResponse({ description: 'The conversation is blocked' })
  @ApiNotFoundResponse({ description: 'No such childminder, or no such conversation of mine' })
  send(@Auth() auth: AuthContext, @Body() dto: SendMessageDto) {
    return this.messaging.send(auth, dto);
  }
}

@ApiTags('Childminder dashboard')
@Controller('dashboard/childminder/messages')
export class ChildminderMessagesController {
  constructor(private readonly messaging: MessagingService) {}

  @Get()
  @Authenticated({ roles: CHILDMINDER })
  @ApiOperation({ summary: 'My conversations with parents, latest first, with unread counts' })
  @ApiOkResponse({ type: ConversationPageResponse })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  list(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.messaging.list(auth, query);
  }

  @Get('conversation')
  @Authenticated({ roles: CHILDMINDER })
  @ApiOperation({ summary: 'One conversation, newest messages first, paged by cursor; opening it marks it read' })
  @ApiOkResponse({ type: ThreadResponse })
  @ApiBadRequestResponse({ description: 'conversationId, cursor or limit not acceptable' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not mine' })
  thread(@Auth() auth: AuthContext, @Query() query: ThreadQuery) {
    return this.messaging.thread(auth, query);
  }

  @Post('send')
  @Authenticated({ roles: CHILDMINDER })
  @ApiOperation({ summary: 'Reply to a parent who has contacted me (by recipientId or conversationId)' })
  @ApiCreatedResponse({ type: SentMessageResponse })
  @ApiBadRequestResponse({
    description: 'Text empty or over 5,000 characters, or neither/both of recipientId and conversationId',
  })
  @ApiForbiddenResponse({ description: 'The parent has not contacted me, or the conversation is blocked' })
  @ApiNotFoundResponse({ description: 'No such conversation of mine' })
  send(@Auth() auth: AuthContext, @Body() dto: SendMessageDto) {
    return this.messaging.send(auth, dto);
  }
}

@ApiTags('Messages')
@Controller('messages/conversations')
export class ConversationBlockController {
  constructor(private readonly messaging: MessagingService) {}

  @Post(':conversationId/block')
  @Authenticated({ roles: PARTICIPANTS })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Block a conversation of mine: nobody can send in it until I unblock it' })
  @ApiOkResponse({ type: BlockStateResponse })
  @ApiBadRequestResponse({ description: 'conversationId is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not mine' })
  block(@Auth() auth: AuthContext, @Param() params: ConversationIdParams) {
    return this.messaging.block(auth, params.conversationId);
  }

  @Post(':conversationId/unblock')
  @Authenticated({ roles: PARTICIPANTS })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Unblock a conversation I blocked' })
  @ApiOkResponse({ type: BlockStateResponse })
  @ApiBadRequestResponse({ description: 'conversationId is not a UUID' })
  @ApiForbiddenResponse({ description: 'The other person blocked it' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not mine' })
  unblock(@Auth() auth: AuthContext, @Param() params: ConversationIdParams) {
    return this.messaging.unblock(auth, params.conversationId);
  }
}

@ApiTags('Admin')
@Controller('admin/messages')
export class AdminMessagesController {
  constructor(private readonly messaging: MessagingService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Conversations (no message text), filtered by participant and by when messages were sent' })
  @ApiOkResponse({ type: AdminConversationPageResponse })
  @ApiBadRequestResponse({ description: 'A filter or page parameter is not acceptable' })
  list(@Query() query: AdminConversationsQuery) {
    return this.messaging.adminList(query);
  }

  @Get('conversation')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Read a private conversation (written to the audit log)' })
  @ApiOkResponse({ type: AdminThreadResponse })
  @ApiBadRequestResponse({ description: 'conversationId, cursor or limit not acceptable' })
  @ApiNotFoundResponse({ description: 'No such conversation' })
  thread(@Auth() auth: AuthContext, @Query() query: AdminThreadQuery, @ReqMeta() meta: RequestMeta) {
    return this.messaging.adminThread(auth, query, meta);
  }

  @Get('search')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Search message text (full-text, every word, prefix match; written to the audit log)' })
  @ApiOkResponse({ type: AdminSearchPageResponse })
  @ApiBadRequestResponse({
    description: 'q has no word of 3 or more characters, or a page parameter is not acceptable',
  })
  search(@Auth() auth: AuthContext, @Query() query: AdminSearchQuery, @ReqMeta() meta: RequestMeta) {
    return this.messaging.adminSearch(auth, query, meta);
  }
}
