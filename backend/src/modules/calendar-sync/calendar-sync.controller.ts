import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { Role } from '@app/common/auth/role';
import { sendCallbackOutcome } from './callback-page';
import { CalendarSyncService } from './calendar-sync.service';
import { CalendarFeedParams, ChooseCalendarDto, OAuthCallbackQuery } from './dto/calendar-sync.dto';
import {
  AuthorizationUrlResponse,
  CalendarFeedResponse,
  CalendarSyncStatusResponse,
  GoogleCalendarResponse,
  SyncResultResponse,
} from './dto/calendar-sync.response';
import { IcsFeedService } from './ics-feed.service';
import { OAuthStateCookie } from './oauth-state-cookie';

const USERS = [Role.Parent, Role.Childminder] as const;

/** Google Calendar sync and the ICS feed of the signed-in parent or childminder. */
@ApiTags('Calendar Sync')
@Controller('calendar-sync')
export class CalendarSyncController {
  constructor(
    private readonly sync: CalendarSyncService,
    private readonly feeds: IcsFeedService,
    private readonly stateCookie: OAuthStateCookie,
  ) {}

  @Get('auth')
  @Authenticated({ roles: USERS })
  @ApiOperation({
    summary: "Start connecting Google Calendar: Google's consent screen address, and a state cookie for the callback",
  })
  @ApiOkResponse({ type: AuthorizationUrlResponse })
  @ApiConflictResponse({ description: 'Google is not configured on this server' })
  async authorize(
    @Auth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthorizationUrlResponse> {
    const { authorizationUrl, state } = await this.sync.startAuthorization(auth);
    this.stateCookie.set(reply, state);
    return { authorizationUrl };
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary:
      "Google's redirect back: checks the state against the cookie (once), stores the tokens, returns to the app",
  })
  @ApiFoundResponse({ description: 'Back to the calendar settings page' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Never: a refused callback is a page with status 400/502/503' })
  @ApiBadRequestResponse({ description: 'A page: the state is missing, wrong or used before' })
  @ApiBadGatewayResponse({ description: 'A page: Google did not answer the code exchange' })
  @ApiServiceUnavailableResponse({ description: 'A page: Google is not configured on this server' })
  async callback(@Query() query: OAuthCallbackQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const outcome = await this.sync.completeAuthorization(query, this.stateCookie.read(request));
    this.stateCookie.clear(reply);
    return sendCallbackOutcome(reply, outcome);
  }

  @Get('status')
  @Authenticated({ roles: USERS })
  @ApiOperation({ summary: 'Connected or not, Google account, calendar, last sync and its result, last error' })
  @ApiOkResponse({ type: CalendarSyncStatusResponse })
  status(@Auth() auth: AuthContext) {
    return this.sync.status(auth);
  }

  @Post('sync')
  @Authenticated({ roles: USERS })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sync now: push bookings (and availability) to Google; childminders also read their busy times',
  })
  @ApiOkResponse({ type: SyncResultResponse })
  @ApiConflictResponse({
    description:
      'Google is not configured, not connected, or Google no longer accepts the connection (reconnect needed)',
  })
  syncNow(@Auth() auth: AuthContext) {
    return this.sync.syncNow(auth);
  }

  @Get('calendars')
  @Authenticated({ roles: USERS })
  @ApiOperation({ summary: 'The Google calendars events can be sent to' })
  @ApiOkResponse({ type: [GoogleCalendarResponse] })
  @ApiConflictResponse({ description: 'Not connected, or reconnect needed' })
  calendars(@Auth() auth: AuthContext) {
    return this.sync.calendars(auth);
  }

  @Put('calendar')
  @Authenticated({ roles: USERS })
  @ApiOperation({ summary: 'Choose the Google calendar events go to' })
  @ApiOkResponse({ type: CalendarSyncStatusResponse })
  @ApiNotFoundResponse({ description: 'Not one of your writable calendars' })
  @ApiConflictResponse({ description: 'Not connected, or reconnect needed' })
  chooseCalendar(@Auth() auth: AuthContext, @Body() dto: ChooseCalendarDto) {
    return this.sync.chooseCalendar(auth, dto.calendarId);
  }

  @Delete()
  @Authenticated({ roles: USERS })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Disconnect Google Calendar (busy times read from Google are removed)' })
  @ApiNoContentResponse({ description: 'Disconnected (or was not connected)' })
  disconnect(@Auth() auth: AuthContext) {
    return this.sync.disconnect(auth);
  }

  @Get('feed')
  @Authenticated({ roles: USERS })
  @ApiOperation({ summary: 'My secret ICS feed address for Apple Calendar, Outlook and others (made on first use)' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  feed(@Auth() auth: AuthContext) {
    return this.feeds.feedFor(auth);
  }

  @Post('feed/regenerate')
  @Authenticated({ roles: USERS })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new secret feed address; the old one stops working' })
  @ApiOkResponse({ type: CalendarFeedResponse })
  regenerateFeed(@Auth() auth: AuthContext) {
    return this.feeds.regenerate(auth);
  }
}

/** The ICS feed itself: the secret in the address is the only credential. */
@ApiTags('Calendar Sync')
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(private readonly feeds: IcsFeedService) {}

  @Get(':token')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @ApiOperation({ summary: 'An iCalendar feed (Europe/London times)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The feed', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No feed has this secret' })
  feed(@Param() params: CalendarFeedParams) {
    return this.feeds.render(params.token);
  }
}
