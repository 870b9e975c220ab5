import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { AvailabilityBlockDto, TimeRangeQuery } from '@app/modules/availability/dto/availability-block.dto';
import { AvailabilityBlockResponse } from '@app/modules/availability/dto/availability.response';
import { RequiresEntitlement } from '@app/modules/subscriptions/entitlements/requires-entitlement';
import { BookingAdminService } from './booking-admin.service';
import { BookingAnswersService } from './booking-answers.service';
import { BookingDashboardService } from './booking-dashboard.service';
import { BookingRequestsService } from './booking-requests.service';
import { BookingsService } from './bookings.service';
import {
  AdminListBookingsQuery,
  BookingIdParams,
  DeleteCalendarEntryQuery,
  ListBookingsQuery,
} from './dto/booking-queries';
import {
  AdminUpdateBookingDto,
  CancelBookingDto,
  CancelBookingQuery,
  cancellationReason,
  CreateBookingDto,
  RespondToBookingDto,
  UpdateBookingDto,
} from './dto/booking-requests.dto';
import {
  BookingPageResponse,
  BookingQuoteResponse,
  BookingResponse,
  CalendarResponse,
  ChildminderStatsResponse,
  ParentStatsResponse,
} from './dto/booking.response';

const PARENT = [Role.Parent] as const;
const MINDER = [Role.Childminder] as const;
/** The childminder lock stayed busy through a retry (a burst of concurrent changes). */
const BUSY = ApiResponse({ status: 503, description: 'Too many concurrent changes for this childminder: try again' });

const REFUSAL =
  'A booking rule is broken: outside available time, during time off, over capacity, a child already booked, ' +
  'an age group not cared for, or the wrong status. The message names the rule and the time (Europe/London); details list every problem.';

@ApiTags('Parent dashboard')
@Controller('dashboard/parent')
export class ParentBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly requests: BookingRequestsService,
    private readonly answers: BookingAnswersService,
    private readonly dashboard: BookingDashboardService,
  ) {}

  @Get('stats')
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'Upcoming bookings, pending requests, children, unread messages, subscription status' })
  @ApiOkResponse({ type: ParentStatsResponse })
  stats(@Auth() auth: AuthContext) {
    return this.dashboard.parentStats(auth);
  }

  @Get('calendar')
  @Authenticated({ roles: PARENT })
  @ApiOperation({
    summary: 'My booking sessions (pending, confirmed, completed) as calendar events',
    description: 'Default range: today (UK) for 42 days; at most 400 days.',
  })
  @ApiOkResponse({ type: CalendarResponse })
  @ApiBadRequestResponse({ description: 'from/to not acceptable (named in details)' })
  calendar(@Auth() auth: AuthContext, @Query() query: TimeRangeQuery) {
    return this.dashboard.parentCalendar(auth, query);
  }

  @Get('bookings')
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'My bookings, latest start first; filter by status and range' })
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is not acceptable (named in details)' })
  list(@Auth() auth: AuthContext, @Query() query: ListBookingsQuery) {
    return this.bookings.listForParent(auth, query);
  }

  @Post('bookings/create')
  @Authenticated({ roles: PARENT })
  @RequiresEntitlement('bookings.request')
  @ApiOperation({
    summary: 'Request care for my children with a childminder: one session or weekly for N weeks',
    description:
      'Checked against availability, time off, EYFS capacity and the children’s other bookings. The booking starts pending.',
  })
  @ApiCreatedResponse({ type: BookingResponse })
  @ApiBadRequestResponse({
    description: 'A field is missing, unknown or not acceptable, or the times are (in the past, too short/long)',
  })
  @ApiNotFoundResponse({ description: 'No such listed childminder, or a child that is not mine' })
  @ApiConflictResponse({ description: REFUSAL })
  @BUSY
  create(@Auth() auth: AuthContext, @Body() dto: CreateBookingDto) {
    return this.requests.create(auth, dto);
  }

  @Post('bookings/quote')
  @Authenticated({ roles: PARENT })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Dry run of a request: price estimate and every rule it would break, nothing booked',
    description: 'For live feedback in the request form. Same body as bookings/create.',
  })
  @ApiOkResponse({ type: BookingQuoteResponse })
  @ApiBadRequestResponse({ description: 'A field is missing, unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such listed childminder, or a child that is not mine' })
  quote(@Auth() auth: AuthContext, @Body() dto: CreateBookingDto) {
    return this.requests.quote(auth, dto);
  }

  @Get('bookings/:id')
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'One of my bookings' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiNotFoundResponse({ description: 'No such booking, or not mine' })
  get(@Auth() auth: AuthContext, @Param() params: BookingIdParams) {
    return this.bookings.get(auth, params.id);
  }

  @Patch('bookings/:id')
  @Authenticated({ roles: PARENT })
  @ApiOperation({ summary: 'Change notes or times of a pending request (times are checked again)' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such booking, or not mine' })
  @ApiConflictResponse({ description: `Not pending any more, or: ${REFUSAL}` })
  @BUSY
  modify(@Auth() auth: AuthContext, @Param() params: BookingIdParams, @Body() dto: UpdateBookingDto) {
    return this.requests.modify(auth, params.id, dto);
  }

  @Delete('bookings/:id')
  @Authenticated({ roles: PARENT })
  @ApiOperation({
    summary: 'Cancel a pending or confirmed booking, optionally with a reason; returns the cancelled booking',
    description: 'The reason may come in a JSON body or as `?reason=`; a DELETE without a body is fine.',
  })
  @ApiBody({ type: CancelBookingDto, required: false })
  @ApiOkResponse({ type: BookingResponse })
  @ApiBadRequestResponse({ description: 'reason not acceptable' })
  @ApiNotFoundResponse({ description: 'No such booking, or not mine' })
  @ApiConflictResponse({ description: 'Already finished, rejected, expired or cancelled' })
  @BUSY
  cancel(
    @Auth() auth: AuthContext,
    @Param() params: BookingIdParams,
    @Body() dto: CancelBookingDto,
    @Query() query: CancelBookingQuery,
  ) {
    return this.answers.cancel(auth, params.id, cancellationReason(dto, query));
  }
}

@ApiTags('Childminder dashboard')
@Controller('dashboard/childminder')
export class ChildminderBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly answers: BookingAnswersService,
    private readonly dashboard: BookingDashboardService,
  ) {}

  @Get('stats')
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary:
      'Upcoming bookings, pending requests, children in care, profile completeness, unread messages, subscription',
  })
  @ApiOkResponse({ type: ChildminderStatsResponse })
  stats(@Auth() auth: AuthContext) {
    return this.dashboard.childminderStats(auth);
  }

  @Get('bookings')
  @Authenticated({ roles: MINDER })
  @ApiOperation({ summary: 'Bookings with me, latest start first; filter by status and range' })
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is not acceptable (named in details)' })
  list(@Auth() auth: AuthContext, @Query() query: ListBookingsQuery) {
    return this.bookings.listForChildminder(auth, query);
  }

  @Get('bookings/:id')
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary: 'One booking with me',
    description:
      "Children's details (date of birth, needs, allergies, medical notes) only while the booking is confirmed or in progress.",
  })
  @ApiOkResponse({ type: BookingResponse })
  @ApiNotFoundResponse({ description: 'No such booking, or not with me' })
  get(@Auth() auth: AuthContext, @Param() params: BookingIdParams) {
    return this.bookings.get(auth, params.id);
  }

  @Patch('bookings/:id')
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary: 'Confirm or reject a pending request, or cancel a confirmed booking (reject/cancel need a reason)',
    description:
      'Confirmation re-checks every rule under the childminder lock: of concurrent confirmations for one last place, one wins.',
  })
  @ApiOkResponse({ type: BookingResponse })
  @ApiBadRequestResponse({ description: 'action or reason missing or not acceptable' })
  @ApiNotFoundResponse({ description: 'No such booking, or not with me' })
  @ApiConflictResponse({ description: REFUSAL })
  @BUSY
  answer(@Auth() auth: AuthContext, @Param() params: BookingIdParams, @Body() dto: RespondToBookingDto) {
    return this.answers.answer(auth, params.id, dto);
  }

  @Get('calendar')
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary: 'My calendar: availability and time-off occurrences plus booking sessions (pending, confirmed, completed)',
    description:
      'Default range: today (UK) for 42 days; at most 400 days. Recurring blocks are expanded in Europe/London.',
  })
  @ApiOkResponse({ type: CalendarResponse })
  @ApiBadRequestResponse({ description: 'from/to not acceptable (named in details)' })
  calendar(@Auth() auth: AuthContext, @Query() query: TimeRangeQuery) {
    return this.dashboard.childminderCalendar(auth, query);
  }

  @Post('calendar')
  @Authenticated({ roles: MINDER })
  @ApiOperation({
    summary: 'Add a calendar entry: an availability block (type available) or time off (type unavailable)',
    description: 'Same body and result as POST /api/dashboard/childminder/availability.',
  })
  @ApiCreatedResponse({ type: AvailabilityBlockResponse })
  @ApiBadRequestResponse({ description: 'A field is missing, unknown or not acceptable (named in details)' })
  addEntry(@Auth() auth: AuthContext, @Body() dto: AvailabilityBlockDto) {
    return this.dashboard.addCalendarEntry(auth, dto);
  }

  @Delete('calendar')
  @Authenticated({ roles: MINDER })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove a calendar entry: ?blockId= removes the block; with &date=YYYY-MM-DD only that day’s occurrence',
    description: 'Removing one occurrence of a series adds an exception date; of a one-off block deletes it.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ description: 'blockId/date not acceptable, or no occurrence on that date' })
  @ApiNotFoundResponse({ description: 'No such block, or not mine' })
  removeEntry(@Auth() auth: AuthContext, @Query() query: DeleteCalendarEntryQuery) {
    return this.dashboard.removeCalendarEntry(auth, query);
  }
}

@ApiTags('Admin')
@Controller('admin/bookings')
export class AdminBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly admin: BookingAdminService,
  ) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'All bookings, latest start first; filter by status, childminder, parent and range' })
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is not acceptable (named in details)' })
  list(@Auth() auth: AuthContext, @Query() query: AdminListBookingsQuery) {
    return this.bookings.listForAdmin(auth, query);
  }

  @Get(':id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'One booking, with the children’s details (the read is written to the audit log)' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiNotFoundResponse({ description: 'No such booking' })
  get(@Auth() auth: AuthContext, @Param() params: BookingIdParams) {
    return this.bookings.get(auth, params.id);
  }

  @Patch(':id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Confirm, reject or cancel on behalf of the childminder, and/or change the notes (audited)',
  })
  @ApiOkResponse({ type: BookingResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such booking' })
  @ApiConflictResponse({ description: REFUSAL })
  @BUSY
  update(@Auth() auth: AuthContext, @Param() params: BookingIdParams, @Body() dto: AdminUpdateBookingDto) {
    return this.admin.adminUpdate(auth, params.id, dto);
  }

  @Delete(':id')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({
    summary: 'Cancel a booking, optionally with a reason; both sides are told',
    description: 'The reason may come in a JSON body or as `?reason=`; a DELETE without a body is fine.',
  })
  @ApiBody({ type: CancelBookingDto, required: false })
  @ApiOkResponse({ type: BookingResponse })
  @ApiBadRequestResponse({ description: 'reason not acceptable' })
  @ApiNotFoundResponse({ description: 'No such booking' })
  @ApiConflictResponse({ description: 'Already finished, rejected, expired or cancelled' })
  @BUSY
  cancel(
    @Auth() auth: AuthContext,
    @Param() params: BookingIdParams,
    @Body() dto: CancelBookingDto,
    @Query() query: CancelBookingQuery,
  ) {
    return this.admin.adminCancel(auth, params.id, cancellationReason(dto, query));
  }
}
