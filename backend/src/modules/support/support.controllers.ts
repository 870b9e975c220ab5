import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import { RequestMeta, ReqMeta } from '@app/common/http/request-meta';
import {
  ContactDto,
  CreateReplyDto,
  CreateTicketDto,
  MyTicketsQuery,
  StaffCreateTicketDto,
  TicketFilterQuery,
  TicketIdParams,
  TicketSearchQuery,
  TicketStatsQuery,
  UpdateOwnTicketDto,
  UpdateTicketDto,
} from './dto/ticket.dto';
import {
  ContactReceivedResponse,
  DeletedTicketResponse,
  MyReplyResponse,
  MyTicketDetailResponse,
  MyTicketPageResponse,
  MyTicketResponse,
  TicketDetailResponse,
  TicketPageResponse,
  TicketReplyListResponse,
  TicketReplyResponse,
  TicketStatsResponse,
} from './dto/ticket.response';
import { SupportService } from './support.service';

const REQUESTERS = [Role.Parent, Role.Childminder] as const;
const NOT_FOUND = 'No such ticket, or not mine';
const either = (mine: string, staff: string) => ({
  schema: { oneOf: [{ $ref: getSchemaPath(mine) }, { $ref: getSchemaPath(staff) }] },
});

@ApiTags('Support')
@ApiExtraModels(MyTicketPageResponse, TicketPageResponse, MyTicketDetailResponse, TicketDetailResponse)
@ApiExtraModels(MyReplyResponse, TicketReplyResponse)
@Controller('tickets')
export class TicketsController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'My tickets; for support agents and admins, every ticket with the inbox filters',
  })
  @ApiOkResponse({
    description: 'Requesters get MyTicketPage; agents get TicketPage',
    ...either('MyTicketPageResponse', 'TicketPageResponse'),
  })
  @ApiBadRequestResponse({ description: 'A filter or page parameter is not acceptable' })
  list(@Auth() auth: AuthContext, @Query() query: TicketFilterQuery) {
    return this.support.list(auth, query);
  }

  @Post()
  @Authenticated({ roles: REQUESTERS })
  @ApiOperation({
    summary: 'Ask for help: a new ticket (safeguarding concerns are urgent and reach every admin at once)',
  })
  @ApiCreatedResponse({ type: MyTicketResponse })
  @ApiBadRequestResponse({ description: 'Subject, body or category not acceptable' })
  create(@Auth() auth: AuthContext, @Body() dto: CreateTicketDto) {
    return this.support.create(auth, dto);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A ticket with its thread (requesters never see internal notes or history)' })
  @ApiOkResponse(either('MyTicketDetailResponse', 'TicketDetailResponse'))
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Auth() auth: AuthContext, @Param() params: TicketIdParams) {
    return this.support.get(auth, params.id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    summary: 'Requesters close their ticket; agents change status, priority, category, assignee and tags',
  })
  @ApiOkResponse(either('MyTicketDetailResponse', 'TicketDetailResponse'))
  @ApiBadRequestResponse({ description: 'A field is not acceptable, or the assignee is not staff' })
  @ApiForbiddenResponse({ description: 'A requester tried to change more than closing their ticket' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The ticket is closed (read-only)' })
  update(
    @Auth() auth: AuthContext,
    @Param() params: TicketIdParams,
    @Body() dto: UpdateTicketDto,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.support.update(auth, params.id, dto, meta);
  }

  @Get(':id/replies')
  @Authenticated()
  @ApiOperation({ summary: 'The thread, oldest first (internal notes only for agents and admins)' })
  @ApiOkResponse({ type: TicketReplyListResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  replies(@Auth() auth: AuthContext, @Param() params: TicketIdParams) {
    return this.support.listReplies(auth, params.id);
  }

  @Post(':id/replies')
  @Authenticated()
  @ApiOperation({
    summary:
      'Reply (emails and notifies the other side; a requester’s reply reopens a resolved ticket). Agents may write internal notes.',
  })
  @ApiCreatedResponse(either('MyReplyResponse', 'TicketReplyResponse'))
  @ApiBadRequestResponse({ description: 'Empty or too long' })
  @ApiForbiddenResponse({ description: 'A requester asked for an internal note' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The ticket is closed (read-only)' })
  reply(@Auth() auth: AuthContext, @Param() params: TicketIdParams, @Body() dto: CreateReplyDto) {
    return this.support.reply(auth, params.id, dto);
  }
}

@ApiTags('Support')
@Controller('contact')
export class ContactController {
  constructor(private readonly support: SupportService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'The public contact form: becomes a ticket and a confirmation email with its number',
  })
  @ApiCreatedResponse({ type: ContactReceivedResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or not acceptable' })
  @ApiTooManyRequestsResponse({ description: 'Too many messages from this address or email; see Retry-After' })
  contact(@Body() dto: ContactDto, @ReqMeta() meta: RequestMeta) {
    return this.support.contact(dto, meta);
  }
}

/** The Help pages of parents and childminders: the same four routes under each dashboard. */
function requesterSupportController(role: Role.Parent | Role.Childminder, path: string, tag: string) {
  @ApiTags(tag)
  @Controller(path)
  class RequesterSupportController {
    constructor(readonly support: SupportService) {}

    @Get()
    @Authenticated({ roles: [role] })
    @ApiOperation({ summary: 'My support tickets, most recently active first' })
    @ApiOkResponse({ type: MyTicketPageResponse })
    @ApiBadRequestResponse({ description: 'status or a page parameter is not acceptable' })
    list(@Auth() auth: AuthContext, @Query() query: MyTicketsQuery) {
      return this.support.listMine(auth, query);
    }

    @Post()
    @Authenticated({ roles: [role] })
    @ApiOperation({ summary: 'Ask for help: a new ticket' })
    @ApiCreatedResponse({ type: MyTicketResponse })
    @ApiBadRequestResponse({ description: 'Subject, body or category not acceptable' })
    create(@Auth() auth: AuthContext, @Body() dto: CreateTicketDto) {
      return this.support.create(auth, dto);
    }

    @Get(':id')
    @Authenticated({ roles: [role] })
    @ApiOperation({ summary: 'One of my tickets with its replies' })
    @ApiOkResponse({ type: MyTicketDetailResponse })
    @ApiNotFoundResponse({ description: NOT_FOUND })
    get(@Auth() auth: AuthContext, @Param() params: TicketIdParams) {
      return this.support.getMine(auth, params.id);
    }

    @Patch(':id')
    @Authenticated({ roles: [role] })
    @ApiOperation({ summary: 'Close my ticket (it becomes read-only)' })
    @ApiOkResponse({ type: MyTicketDetailResponse })
    @ApiBadRequestResponse({ description: 'Only { "status": "closed" } is accepted' })
    @ApiNotFoundResponse({ description: NOT_FOUND })
    @ApiConflictResponse({ description: 'Already closed' })
    close(
      @Auth() auth: AuthContext,
      @Param() params: TicketIdParams,
      @Body() dto: UpdateOwnTicketDto,
      @ReqMeta() meta: RequestMeta,
    ) {
      return this.support.closeMine(auth, params.id, dto, meta);
    }
  }
  Object.defineProperty(RequesterSupportController, 'name', {
    value: `${role === Role.Parent ? 'Parent' : 'Childminder'}SupportController`,
  });
  return RequesterSupportController;
}

export const ParentSupportController = requesterSupportController(
  Role.Parent,
  'dashboard/parent/support',
  'Parent dashboard',
);
export const ChildminderSupportController = requesterSupportController(
  Role.Childminder,
  'dashboard/childminder/support',
  'Childminder dashboard',
);

@ApiTags('Admin')
@Controller('admin/support')
export class AdminSupportController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({
    summary: 'The ticket inbox: filters by status, priority, category, assignee, requester role and dates',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  @ApiBadRequestResponse({ description: 'A filter or page parameter is not acceptable' })
  list(@Auth() auth: AuthContext, @Query() query: TicketFilterQuery) {
    return this.support.staffList(auth, query);
  }

  @Post()
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Raise a ticket on someone’s behalf (an account, or a name and an email)' })
  @ApiCreatedResponse({ type: TicketDetailResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable, or no requester given' })
  @ApiNotFoundResponse({ description: 'No such requester account' })
  create(@Auth() auth: AuthContext, @Body() dto: StaffCreateTicketDto) {
    return this.support.staffCreate(auth, dto);
  }

  @Get('search')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({
    summary: 'Full-text search of subjects, bodies and replies (every word, prefix match), or a ticket number',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  @ApiBadRequestResponse({ description: 'q has no word of 3 or more characters, or a filter is not acceptable' })
  search(@Auth() auth: AuthContext, @Query() query: TicketSearchQuery) {
    return this.support.search(auth, query);
  }

  @Get('stats')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({
    summary: 'Counts, median first-response and resolution times, backlog by age, satisfaction and a daily series',
  })
  @ApiOkResponse({ type: TicketStatsResponse })
  @ApiBadRequestResponse({ description: 'from/to not acceptable' })
  stats(@Query() query: TicketStatsQuery) {
    return this.support.stats(query);
  }

  @Get(':id')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'A ticket with its thread, internal notes and history' })
  @ApiOkResponse({ type: TicketDetailResponse })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  get(@Auth() auth: AuthContext, @Param() params: TicketIdParams) {
    return this.support.staffGet(auth, params.id);
  }

  @Patch(':id')
  @Authenticated({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'Change status, priority, category, assignee or tags, and/or add an internal note' })
  @ApiOkResponse({ type: TicketDetailResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable, or the assignee is not staff' })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  @ApiConflictResponse({ description: 'The ticket is closed: only reopening it is allowed' })
  update(
    @Auth() auth: AuthContext,
    @Param() params: TicketIdParams,
    @Body() dto: UpdateTicketDto,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.support.staffUpdate(auth, params.id, dto, meta);
  }

  @Delete(':id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Delete a ticket and its thread (admins only; written to the audit log)' })
  @ApiOkResponse({ type: DeletedTicketResponse })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  remove(@Auth() auth: AuthContext, @Param() params: TicketIdParams, @ReqMeta() meta: RequestMeta) {
    return this.support.remove(auth, params.id, meta);
  }
}
