import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { AuthContext } from '@app/common/auth/auth-context';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { LoginResponse } from '../dto/auth.response';
import { DeviceCookie } from '../device-cookie';
import { RefreshCookie } from '../refresh-cookie';
import { SignedIn } from '../auth.service';
import { GoogleCallbackQuery, GoogleLinkDto, GoogleRegisterDto, PendingGoogleSignInDto } from './google-sign-in.dto';
import {
  GoogleLinkStatusResponse,
  PendingGoogleSignInResponse,
  SignInProvidersResponse,
} from './google-sign-in.response';
import { sendGoogleSignInPage } from './google-sign-in-page';
import { GoogleSignInService } from './google-sign-in.service';
import { GoogleStateCookie } from './google-state-cookie';

/** Sign in with Google (OpenID Connect), beside email and password. */
@ApiTags('Auth')
@Controller('auth')
export class GoogleSignInController {
  constructor(
    private readonly google: GoogleSignInService,
    private readonly stateCookie: GoogleStateCookie,
    private readonly refreshCookie: RefreshCookie,
    private readonly device: DeviceCookie,
  ) {}

  @Get('providers')
  @Public()
  @ApiOperation({ summary: 'The sign-in methods this server offers besides email and password' })
  @ApiOkResponse({ type: SignInProvidersResponse })
  providers() {
    return this.google.providers();
  }

  @Get('google')
  @Public()
  @ApiOperation({
    summary: 'Start signing in with Google: a state and PKCE cookie for the callback, then Google’s sign-in screen',
  })
  @ApiProduces('text/html')
  @ApiFoundResponse({ description: 'To Google' })
  @ApiOkResponse({ description: 'Never: without Google configured the answer is a page with status 503' })
  @ApiServiceUnavailableResponse({ description: 'A page: Google is not configured on this server' })
  @ApiTooManyRequestsResponse({ description: 'JSON: too many Google sign-ins from this address; see Retry-After' })
  async start(@ReqMeta() meta: RequestMeta, @Res() reply: FastifyReply) {
    await this.google.assertIpAllowed(meta);
    const outcome = await this.google.start();
    if (outcome.kind === 'page') return sendGoogleSignInPage(reply, outcome.page, this.google.signInUrl);
    this.stateCookie.set(reply, outcome.cookie);
    return reply.header('cache-control', 'no-store').redirect(outcome.location, 302);
  }

  @Get('google/callback')
  @Public()
  @ApiOperation({
    summary:
      'Google’s redirect back: checks the state against the cookie (once), verifies the ID token, then signs in ' +
      'or continues in the app (choose a role, or link an existing account)',
  })
  @ApiProduces('text/html')
  @ApiFoundResponse({ description: 'Signed in (refresh cookie set), or on to the next step in the app' })
  @ApiOkResponse({ description: 'Never: a refused callback is a page with status 400/403/502/503' })
  @ApiBadRequestResponse({
    description: 'A page: the state is missing, wrong, used before or expired, or Google has not verified the email',
  })
  @ApiForbiddenResponse({ description: 'A page: staff and suspended accounts cannot sign in with Google' })
  @ApiBadGatewayResponse({ description: 'A page: Google did not answer the code exchange' })
  @ApiServiceUnavailableResponse({ description: 'A page: Google is not configured on this server' })
  @ApiTooManyRequestsResponse({ description: 'JSON: too many Google sign-ins from this address; see Retry-After' })
  async callback(
    @Query() query: GoogleCallbackQuery,
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res() reply: FastifyReply,
  ) {
    await this.google.assertIpAllowed(meta);
    const outcome = await this.google.complete(query, this.stateCookie.read(request), meta);
    this.stateCookie.clear(reply);
    if (outcome.kind === 'page') return sendGoogleSignInPage(reply, outcome.page, this.google.signInUrl);
    if (outcome.kind === 'signed-in') this.setSessionCookies(outcome.signedIn, reply);
    return reply.header('cache-control', 'no-store').redirect(outcome.location, 302);
  }

  @Post('google/pending')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What a Google sign-in waits for: a new person’s role, or the existing account’s password' })
  @ApiOkResponse({ type: PendingGoogleSignInResponse })
  @ApiBadRequestResponse({ description: 'The token is invalid, expired or used' })
  @ApiServiceUnavailableResponse({ description: 'Google is not configured on this server' })
  pending(@Body() dto: PendingGoogleSignInDto) {
    return this.google.describePending(dto.token);
  }

  @Post('google/register')
  @Public()
  @ApiOperation({
    summary: 'Create a parent or childminder account for a new Google user (email confirmed) and sign in',
  })
  @ApiCreatedResponse({ type: LoginResponse })
  @ApiBadRequestResponse({ description: 'The token is invalid, expired or used, or a field is not acceptable' })
  @ApiConflictResponse({ description: 'An account with this email address exists: link it instead' })
  @ApiServiceUnavailableResponse({ description: 'Google is not configured on this server' })
  async register(
    @Body() dto: GoogleRegisterDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.setSessionCookies(await this.google.register(dto, meta), reply);
  }

  @Post('google/link')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Link the Google account to the existing account with its address (its password, and 2FA code when on)',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiBadRequestResponse({ description: 'The token is invalid, expired or used' })
  @ApiUnauthorizedResponse({ description: 'Wrong password or code, or the 2FA code is needed (TWO_FACTOR_REQUIRED)' })
  @ApiForbiddenResponse({ description: 'The account is suspended' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures; see Retry-After' })
  @ApiServiceUnavailableResponse({ description: 'Google is not configured on this server' })
  async link(
    @Body() dto: GoogleLinkDto,
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.setSessionCookies(await this.google.link(dto, meta, this.device.read(request)), reply);
  }

  @Get('google/link')
  @Authenticated()
  @ApiOperation({ summary: 'Whether a Google account signs me in, which one, and whether I may unlink it' })
  @ApiOkResponse({ type: GoogleLinkStatusResponse })
  linkStatus(@Auth() auth: AuthContext) {
    return this.google.linkStatus(auth);
  }

  @Delete('google/link')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Stop my Google account signing me in (recorded in my activity); refused while my account has no password',
  })
  @ApiNoContentResponse({ description: 'Unlinked: I sign in with my email address and password' })
  @ApiNotFoundResponse({ description: 'No Google account is linked (GOOGLE_NOT_LINKED)' })
  @ApiConflictResponse({
    description: 'The account has no password yet: set one first, or I could not sign in again (SET_PASSWORD_FIRST)',
  })
  async unlink(@Auth() auth: AuthContext, @ReqMeta() meta: RequestMeta) {
    await this.google.unlink(auth, meta);
  }

  /** The cookies of every sign-in (see AuthController). */
  private setSessionCookies(signedIn: SignedIn, reply: FastifyReply) {
    this.refreshCookie.set(reply, signedIn.refreshToken);
    if (signedIn.deviceToken) this.device.set(reply, signedIn.deviceToken);
    return signedIn.body;
  }
}
