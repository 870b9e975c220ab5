import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { ChatStatusResponse, UpdateChatStatusDto } from '@app/modules/users/dto/chat-status.dto';
import { ChatAgentsService } from './chat-agents.service';
import { ChatService } from './chat.service';
import {
  ChatSessionIdParams,
  CreateChatSessionDto,
  ListChatMessagesQuery,
  ListChatSessionsQuery,
  SendChatMessageDto,
  TransferChatDto,
  UpdateCannedRepliesDto,
  UpdateChatSessionDto,
} from './dto/chat-requests.dto';
import {
  CannedRepliesResponse,
  ChatAgentsResponse,
  ChatMessageResponse,
  ChatMessagesResponse,
  ChatNotificationsResponse,
  ChatSessionDetailResponse,
  ChatSessionPageResponse,
} from './dto/chat.response';

/** Who starts chats: signed-in parents and childminders. */
const REQUESTERS = [Role.Parent, Role.Childminder] as const;
const NOT_FOUND = ApiNotFoundResponse({
  description: 'No such chat, or not one of mine (requester, assigned agent or admin)',
});

@ApiTags('Live chat')
@Controller('chat')
export class ChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly agents: ChatAgentsService,
  ) {}

  @Get('sessions')
  @Authenticated()
  @ApiOperation({
    summary: 'Chats: mine (parents, childminders); the queue and my chats (agents); all, filtered (admins)',
  })
  @ApiOkResponse({ type: ChatSessionPageResponse })
  list(@Auth() auth: AuthContext, @Query() query: ListChatSessionsQuery) {
    return this.chat.list(auth, query);
  }

  @Post('sessions')
  @Authenticated({ roles: REQUESTERS })
  @ApiOperation({
    summary: 'Start a live chat (or get my open one): it opens with a system message and joins the queue',
  })
  @ApiCreatedResponse({ type: ChatSessionDetailResponse })
  create(@Auth() auth: AuthContext, @Body() dto: CreateChatSessionDto) {
    return this.chat.create(auth, dto);
  }

  @Get('sessions/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A chat with its history; staff also see the requester’s context' })
  @ApiOkResponse({ type: ChatSessionDetailResponse })
  @NOT_FOUND
  get(@Auth() auth: AuthContext, @Param() params: ChatSessionIdParams) {
    return this.chat.get(auth, params.id);
  }

  @Patch('sessions/:id')
  @Authenticated()
  @ApiOperation({
    summary:
      'Close a chat; the requester may also reopen it (within 24 hours), leave a message instead of waiting, or rate it',
  })
  @ApiOkResponse({ type: ChatSessionDetailResponse })
  @NOT_FOUND
  @ApiConflictResponse({ description: 'The action does not fit the chat’s state (code names why)' })
  update(@Auth() auth: AuthContext, @Param() params: ChatSessionIdParams, @Body() dto: UpdateChatSessionDto) {
    return this.chat.update(auth, params.id, dto);
  }

  @Get('messages')
  @Authenticated()
  @ApiOperation({ summary: 'A chat’s messages, oldest first; `after` returns only what came since' })
  @ApiOkResponse({ type: ChatMessagesResponse })
  @NOT_FOUND
  messages(@Auth() auth: AuthContext, @Query() query: ListChatMessagesQuery) {
    return this.chat.messages(auth, query);
  }

  @Post('messages')
  @Authenticated()
  @ApiOperation({ summary: 'Write in a chat (the same as sending `chat:send` on the socket)' })
  @ApiCreatedResponse({ type: ChatMessageResponse })
  @NOT_FOUND
  @ApiConflictResponse({ description: 'CHAT_SESSION_CLOSED: the chat is closed' })
  send(@Auth() auth: AuthContext, @Body() dto: SendChatMessageDto) {
    return this.chat.send(auth, dto);
  }

  @Get('notifications')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Waiting and unread counts, and the chats needing attention' })
  @ApiOkResponse({ type: ChatNotificationsResponse })
  notifications(@Auth() auth: AuthContext) {
    return this.chat.notifications(auth);
  }

  @Post('transfer')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Hand my chat (any chat, for admins) to an online agent with free capacity' })
  @ApiCreatedResponse({ type: ChatSessionDetailResponse })
  @NOT_FOUND
  @ApiConflictResponse({ description: 'The agent is offline or full, or the chat is not in progress' })
  transfer(@Auth() auth: AuthContext, @Body() dto: TransferChatDto) {
    return this.chat.transfer(auth, dto);
  }

  @Get('agents')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Support agents and admins with their status and active chats' })
  @ApiOkResponse({ type: ChatAgentsResponse })
  listAgents() {
    return this.agents.list();
  }

  @Get('canned-replies')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Ready-made answers for the console' })
  @ApiOkResponse({ type: CannedRepliesResponse })
  cannedReplies() {
    return this.agents.cannedReplies();
  }

  @Put('canned-replies')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Replace the list of canned replies (admins)' })
  @ApiOkResponse({ type: CannedRepliesResponse })
  replaceCannedReplies(@Body() dto: UpdateCannedRepliesDto) {
    return this.agents.replaceCannedReplies(dto);
  }
}

/** The agent's own availability: it decides who gets new chats (moved here from the users module). */
@ApiTags('Auth')
@Controller('auth')
export class ChatStatusController {
  constructor(private readonly agents: ChatAgentsService) {}

  @Get('chat-status')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Live chat availability of a support agent or admin' })
  @ApiOkResponse({ type: ChatStatusResponse })
  chatStatus(@Auth() auth: AuthContext) {
    return this.agents.getStatus(auth);
  }

  @Patch('chat-status')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({
    summary:
      'Set live chat availability: available (takes waiting chats at once), busy (keeps chats, gets no new ones) or offline (open chats go back to the queue)',
  })
  @ApiOkResponse({ type: ChatStatusResponse })
  updateChatStatus(@Auth() auth: AuthContext, @Body() dto: UpdateChatStatusDto, @ReqMeta() meta: RequestMeta) {
    return this.agents.setStatus(auth, dto, meta);
  }
}
