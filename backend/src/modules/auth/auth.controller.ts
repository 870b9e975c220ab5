import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiSecurity,
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated, Public } from '@app/common/auth/decorators';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { AuthService, LoginOutcome, SignedIn } from './auth.service';
import {
  ForgotPasswordDto,
  LoginDto,
  LoginTwoFactorDto,
  RegisterDto,
  ResendVerificationDto,
  ResetPasswordDto,
  VerifyEmailDto,
} from './dto/auth.dto';
import {
  LoginResponse,
  MessageResponse,
  RegisterResponse,
  SessionResponse,
  TwoFactorChallengeResponse,
} from './dto/auth.response';
import { DeviceCookie } from './device-cookie';
import { RefreshCookie } from './refresh-cookie';

@ApiTags('Auth')
@ApiExtraModels(LoginResponse, TwoFactorChallengeResponse)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
    private readonly device: DeviceCookie,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create a parent or childminder account; a confirmation link is emailed' })
  @ApiCreatedResponse({ type: RegisterResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or not acceptable (named in details)' })
  @ApiConflictResponse({ description: 'The email address already has an account' })
  register(@Body() dto: RegisterDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.register(dto, meta);
  }

  @Post('verify-email')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm an email address with the token from the emailed link' })
  @ApiOkResponse({ type: MessageResponse })
  verifyEmail(@Body() dto: VerifyEmailDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.verifyEmail(dto.token, meta);
  }

  @Post('verify-email/resend')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a new confirmation link (same answer whether or not the address exists)' })
  @ApiAcceptedResponse({ type: MessageResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  resendVerification(@Body() dto: ResendVerificationDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.resendVerification(dto.email, meta);
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Answers with an access token and sets the refresh cookie, or, when two-factor authentication is on, ' +
      'with a challenge token for POST /api/auth/login/2fa.',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(LoginResponse) }, { $ref: getSchemaPath(TwoFactorChallengeResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: 'Email or password not correct' })
  @ApiForbiddenResponse({ description: 'Email address not confirmed yet, or account suspended' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures; see Retry-After' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.signedIn(await this.auth.login(dto, meta, this.device.read(request)), reply);
  }

  @Post('login/2fa')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Second sign-in step: an authenticator code or a recovery code' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong, replayed or expired code or challenge' })
  async loginTwoFactor(
    @Body() dto: LoginTwoFactorDto,
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.signedIn(await this.auth.loginWithSecondFactor(dto, meta, this.device.read(request)), reply);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiSecurity('cookie')
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'No, expired, revoked or reused refresh token' })
  async refresh(
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      return this.signedIn(await this.auth.refresh(this.cookie.read(request), meta), reply);
    } catch (error) {
      this.cookie.clear(reply);
      throw error;
    }
  }

  @Get('session')
  @Authenticated()
  @ApiOperation({ summary: 'The current session and its user' })
  @ApiOkResponse({ type: SessionResponse })
  session(@Auth() auth: AuthContext) {
    return this.auth.session(auth);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiSecurity('cookie')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End this session: its refresh tokens stop working and the cookie is cleared',
    description:
      'Ends the session the refresh cookie names, or else the one the access token was issued for, even an ' +
      'expired one. Always 204, so a client can always sign out.',
  })
  @ApiNoContentResponse()
  async logout(
    @Req() request: FastifyRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    await this.auth.logout({ refreshToken: this.cookie.read(request), accessToken: bearer }, meta);
    this.cookie.clear(reply);
  }

  @Post('forgot-password')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a password reset link (same answer whether or not the address exists)' })
  @ApiAcceptedResponse({ type: MessageResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After' })
  forgotPassword(@Body() dto: ForgotPasswordDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.forgotPassword(dto.email, meta);
  }

  @Post('reset-password')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiBadRequestResponse({ description: 'Invalid, expired or used token, or a password the policy refuses' })
  resetPassword(@Body() dto: ResetPasswordDto, @ReqMeta() meta: RequestMeta) {
    return this.auth.resetPassword(dto, meta);
  }

  private signedIn(outcome: LoginOutcome | SignedIn, reply: FastifyReply) {
    if (outcome.refreshToken) this.cookie.set(reply, outcome.refreshToken);
    if ('deviceToken' in outcome && outcome.deviceToken) this.device.set(reply, outcome.deviceToken);
    return outcome.body;
  }
}
