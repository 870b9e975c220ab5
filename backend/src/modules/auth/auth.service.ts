import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { AppConfig } from '@app/config/app-config';
import { isLockContention, retryOnLockContention } from '@app/database/lock-contention';
import { isUniqueViolation } from '@app/database/unique-violation';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { formatUkDateTime } from '@app/modules/notifications/email/email-templates';
import { SettingsService } from '@app/modules/settings/settings.service';
import { toUserResponse } from '@app/modules/users/dto/user.response';
import { type User, UserStatus } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { AccessTokens } from './access-tokens.service';
import { AccountTokensService, TOKEN_LIFETIME_MINUTES } from './account-tokens.service';
import { AuthErrorCode, AuthException, tooManyAttempts } from './auth.exception';
import { ChangePasswordDto, LoginDto, LoginTwoFactorDto, RegisterDto, ResetPasswordDto } from './dto/auth.dto';
import {
  LoginResponse,
  MessageResponse,
  RegisterResponse,
  SessionResponse,
  TwoFactorChallengeResponse,
} from './dto/auth.response';
import { AccountTokenPurpose } from './entities/account-token.entity';
import { AuthSession } from './entities/auth-session.entity';
import { DeviceCookie, TrustedDevice } from './device-cookie';
import { EmailRequestLimit } from './email-request-limit';
import { GoogleSignInRepository } from './google/google-sign-in.repository';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password/password-hasher';
import { PasswordPolicy } from './password/password-policy.service';
import { RevokeReason, SessionsService } from './sessions/sessions.service';
import { TwoFactorService } from './two-factor/two-factor.service';
import { PRIVACY_NOTICE_VERSION } from '@app/modules/privacy/privacy-notice';

/** A completed sign-in: the body for the client, the refresh token and (on sign-in) the device cookie. */
export interface SignedIn {
  body: LoginResponse;
  refreshToken: string;
  deviceToken?: string;
}

export type LoginOutcome = SignedIn | { body: TwoFactorChallengeResponse; refreshToken?: undefined };

const FORGOT_PASSWORD_MESSAGE =
  'If an account exists for that address, we have emailed a link to reset its password. The link expires in 1 hour.';
const RESEND_MESSAGE = 'If that address has an account waiting for confirmation, we have emailed a new link.';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokens,
    private readonly accountTokens: AccountTokensService,
    private readonly twoFactor: TwoFactorService,
    private readonly activity: ActivityService,
    private readonly outbox: EmailOutboxService,
    private readonly config: AppConfig,
    private readonly deviceCookie: DeviceCookie,
    private readonly emailLimit: EmailRequestLimit,
    private readonly settings: SettingsService,
    private readonly googleIdentities: GoogleSignInRepository,
  ) {}

  async register(dto: RegisterDto, meta: RequestMeta): Promise<RegisterResponse> {
    await this.policy.assertAcceptable(dto.password, 'password', { email: dto.email });
    if (await this.users.findByEmail(dto.email)) this.emailTaken();
    const passwordHash = await this.hasher.hash(dto.password);
    const user = this.users.build({
      email: dto.email,
      passwordHash,
      role: dto.role as Role,
      status: UserStatus.Active,
      firstName: dto.firstName,
      lastName: dto.lastName,
      postcode: dto.postcode ?? null,
      phone: null,
      emailVerifiedAt: null,
      twoFactorSecretEncrypted: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
      chatStatus: null,
      lastLoginAt: null,
      privacyConsentAt: new Date(),
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      avatarUrl: null,
    });
    try {
      // Registrations at the same moment may still deadlock on MariaDB; the loser is rolled back
      // whole and tried again rather than answered with a 500.
      await retryOnLockContention(
        () =>
          this.dataSource.transaction(async (manager) => {
            await this.users.insert(user, manager);
            await this.activity.record(user.id, ActivityType.Registered, meta, { role: user.role }, manager);
            await this.sendVerification(user, manager);
          }),
        3,
      );
    } catch (error) {
      // Two registrations racing for one address: the unique index on users.email decides and the
      // loser's insert breaks it (or, having waited on the winner's row, ends in lock contention).
      // If the address now has an account, that is a clear 409, not a 500.
      if (isUniqueViolation(error) || isLockContention(error)) {
        if (await this.users.findByEmail(dto.email)) this.emailTaken();
      }
      throw error;
    }
    const created = await this.users.findById(user.id);
    return {
      user: toUserResponse(created!),
      message: `We have sent a confirmation link to ${user.email}. Open it to finish creating your account.`,
    };
  }

  async verifyEmail(token: string, meta: RequestMeta): Promise<MessageResponse> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.accountTokens.consume(token, AccountTokenPurpose.EmailVerification, manager);
      if (!userId) throw this.invalidLink();
      await this.users.update(userId, { emailVerifiedAt: new Date() }, manager);
      await this.activity.record(userId, ActivityType.EmailVerified, meta, undefined, manager);
    });
    return { message: 'Your email address is confirmed. You can now sign in.' };
  }

  async resendVerification(email: string, meta: RequestMeta): Promise<MessageResponse> {
    await this.emailLimit.assertIpAllowed(meta.ip);
    // Counted before looking the address up, so that the answer cannot tell whether it exists.
    const allowed = await this.emailLimit.addressAllowed(email);
    const user = allowed ? await this.users.findByEmail(email) : null;
    if (user && !user.emailVerified && user.status === UserStatus.Active) {
      await this.dataSource.transaction((manager) => this.sendVerification(user, manager));
    }
    return { message: RESEND_MESSAGE };
  }

  /** `device`: what the caller's device cookie proves, if it holds one (see DeviceCookie). */
  async login(dto: LoginDto, meta: RequestMeta, device?: TrustedDevice): Promise<LoginOutcome> {
    const user = await this.users.findByEmail(dto.email);
    const trusted = user && device?.userId === user.id ? device : undefined;
    await this.assertNotThrottled(dto.email, meta, trusted);
    const passwordOk = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !passwordOk) {
      await this.recordFailure(dto.email, user, meta, 'password', trusted);
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'The email address or password is not correct');
    }
    this.assertMayUseAccount(user);
    if (user.twoFactorEnabled) {
      return { body: { twoFactorRequired: true, challengeToken: this.accessTokens.signChallenge(user.id) } };
    }
    await this.throttle.clearAccount(dto.email);
    return this.completeSignIn(user, meta);
  }

  async loginWithSecondFactor(dto: LoginTwoFactorDto, meta: RequestMeta, device?: TrustedDevice): Promise<SignedIn> {
    const userId = this.accessTokens.verifyChallenge(dto.challengeToken);
    if (!userId) {
      throw new AuthException(AuthErrorCode.InvalidChallenge, 'The sign-in took too long. Enter your password again.');
    }
    const email = (await this.users.findById(userId))?.email;
    if (!email) throw new AuthException(AuthErrorCode.InvalidChallenge, 'Enter your password again.');
    const trusted = device?.userId === userId ? device : undefined;
    await this.assertNotThrottled(email, meta, trusted);
    const accepted = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(userId, manager);
      if (!user?.twoFactorEnabled) return undefined;
      if (dto.recoveryCode !== undefined) {
        if (!(await this.twoFactor.acceptRecoveryCode(user.id, dto.recoveryCode, manager))) return undefined;
        await this.activity.record(user.id, ActivityType.RecoveryCodeUsed, meta, undefined, manager);
        return user;
      }
      return (await this.twoFactor.acceptCode(user, dto.code ?? '', manager)) ? user : undefined;
    });
    if (!accepted) {
      await this.recordFailure(email, await this.users.findById(userId), meta, 'two_factor', trusted);
      throw new AuthException(AuthErrorCode.InvalidTwoFactorCode, 'The code is not correct or has already been used');
    }
    this.assertMayUseAccount(accepted);
    await this.throttle.clearAccount(email);
    return this.completeSignIn(accepted, meta);
  }

  async refresh(presented: string | undefined, meta: RequestMeta): Promise<SignedIn> {
    if (!presented) throw this.invalidSession();
    const outcome = await this.sessions.rotate(presented, meta);
    if (outcome.kind === 'reused') {
      this.logger.warn({ sessionId: outcome.session.id }, 'Refresh token reused: session revoked');
      await this.activity.record(outcome.session.userId, ActivityType.SessionRevoked, meta, {
        reason: RevokeReason.ReuseDetected,
      });
      throw this.invalidSession();
    }
    if (outcome.kind === 'invalid' || outcome.user.status !== UserStatus.Active) throw this.invalidSession();
    return {
      body: this.loginBody(outcome.user, outcome.session),
      refreshToken: outcome.refreshToken,
    };
  }

  async session(auth: AuthContext): Promise<SessionResponse> {
    const active = await this.sessions.findActive(auth.sessionId, auth.userId);
    if (!active) throw this.invalidSession();
    return {
      user: toUserResponse(active.user),
      session: {
        id: active.session.id,
        createdAt: active.session.createdAt.toISOString(),
        expiresAt: active.session.expiresAt.toISOString(),
      },
    };
  }

  /**
   * Ends the session the refresh cookie names, or else the one an access token (expired or not)
   * was issued for. Answers the same whether there was one or not: logging out always succeeds.
   */
  async logout(presented: { refreshToken?: string; accessToken?: string }, meta: RequestMeta): Promise<void> {
    const fromCookie = presented.refreshToken
      ? await this.sessions.findByRefreshToken(presented.refreshToken)
      : undefined;
    const target = fromCookie
      ? { userId: fromCookie.userId, sessionId: fromCookie.id }
      : presented.accessToken
        ? this.accessTokens.sessionOf(presented.accessToken)
        : undefined;
    if (!target) return;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeSession(target.sessionId, RevokeReason.Logout, manager);
      await this.activity.record(target.userId, ActivityType.Logout, meta, undefined, manager);
    });
  }

  async forgotPassword(email: string, meta: RequestMeta): Promise<MessageResponse> {
    await this.emailLimit.assertIpAllowed(meta.ip);
    const allowed = await this.emailLimit.addressAllowed(email);
    const user = allowed ? await this.users.findByEmail(email) : null;
    if (user && user.status === UserStatus.Active) {
      await this.dataSource.transaction(async (manager) => {
        const token = await this.accountTokens.issue(user.id, AccountTokenPurpose.PasswordReset, manager);
        await this.activity.record(user.id, ActivityType.PasswordResetRequested, meta, undefined, manager);
        await this.outbox.enqueue(manager, {
          to: user.email,
          toName: user.displayName,
          userId: user.id,
          template: 'password-reset',
          variables: {
            firstName: user.firstName,
            link: `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
            expiresInMinutes: TOKEN_LIFETIME_MINUTES[AccountTokenPurpose.PasswordReset],
          },
        });
      });
    }
    return { message: FORGOT_PASSWORD_MESSAGE };
  }

  async resetPassword(dto: ResetPasswordDto, meta: RequestMeta): Promise<MessageResponse> {
    await this.policy.assertAcceptable(dto.password, 'password');
    const passwordHash = await this.hasher.hash(dto.password);
    const email = await this.dataSource.transaction(async (manager) => {
      const userId = await this.accountTokens.consume(dto.token, AccountTokenPurpose.PasswordReset, manager);
      if (!userId) throw this.invalidLink();
      const user = await this.users.requireUser(userId, manager);
      // Following the emailed link also proves the address belongs to the user.
      await this.users.update(
        userId,
        { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: new Date() }) },
        manager,
      );
      await this.sessions.revokeAllForUser(userId, RevokeReason.PasswordReset, manager);
      // An account made through Google now has a password its owner knows: Google may be unlinked.
      await this.googleIdentities.markPasswordChosen(userId, manager);
      await this.activity.record(userId, ActivityType.PasswordReset, meta, undefined, manager);
      await this.sendPasswordChanged(user, manager);
      return user.email;
    });
    // A locked-out owner who proved control of the mailbox may sign in straight away.
    await this.throttle.clearAccount(email);
    return { message: 'Your password has been changed. Sign in with your new password.' };
  }

  async changePassword(auth: AuthContext, dto: ChangePasswordDto, meta: RequestMeta): Promise<MessageResponse> {
    const user = await this.users.findById(auth.userId);
    if (!user) throw this.invalidSession();
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new AuthException(AuthErrorCode.CurrentPasswordIncorrect, 'The current password is not correct', [
        { field: 'currentPassword', message: 'The current password is not correct' },
      ]);
    }
    await this.policy.assertAcceptable(dto.newPassword, 'newPassword', { email: user.email });
    if (dto.newPassword === dto.currentPassword) {
      throw new AuthException(AuthErrorCode.WeakPassword, 'newPassword must differ from the current password', [
        { field: 'newPassword', message: 'newPassword must differ from the current password' },
      ]);
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { passwordHash }, manager);
      // Other devices may be where the old password leaked: sign them out, keep this one.
      await this.sessions.revokeAllForUser(user.id, RevokeReason.PasswordChanged, manager, auth.sessionId);
      await this.activity.record(user.id, ActivityType.PasswordChanged, meta, undefined, manager);
      await this.sendPasswordChanged(user, manager);
    });
    return { message: 'Your password has been changed.' };
  }

  /**
   * Proves that whoever asks knows this account's password and, when two-factor authentication
   * is on, a current code (or a recovery code): the checks and the throttle of signing in.
   * Linking a Google account to an existing account asks for this.
   */
  async proveOwnership(
    user: User,
    proof: { password: string; code?: string; recoveryCode?: string },
    meta: RequestMeta,
    device?: TrustedDevice,
  ): Promise<void> {
    const trusted = device?.userId === user.id ? device : undefined;
    await this.assertNotThrottled(user.email, meta, trusted);
    if (!(await this.hasher.verify(user.passwordHash, proof.password))) {
      await this.recordFailure(user.email, user, meta, 'password', trusted);
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'The password is not correct', [
        { field: 'password', message: 'The password is not correct' },
      ]);
    }
    if (user.twoFactorEnabled) {
      if (proof.code === undefined && proof.recoveryCode === undefined) {
        throw new AuthException(AuthErrorCode.TwoFactorRequired, 'Enter the 6-digit code from your authenticator app', [
          { field: 'code', message: 'Enter the 6-digit code from your authenticator app' },
        ]);
      }
      const accepted = await this.dataSource.transaction(async (manager) => {
        const locked = await this.users.findByIdForUpdate(user.id, manager);
        if (!locked?.twoFactorEnabled) return false;
        if (proof.recoveryCode !== undefined) {
          if (!(await this.twoFactor.acceptRecoveryCode(locked.id, proof.recoveryCode, manager))) return false;
          await this.activity.record(locked.id, ActivityType.RecoveryCodeUsed, meta, undefined, manager);
          return true;
        }
        return this.twoFactor.acceptCode(locked, proof.code ?? '', manager);
      });
      if (!accepted) {
        await this.recordFailure(user.email, user, meta, 'two_factor', trusted);
        throw new AuthException(
          AuthErrorCode.InvalidTwoFactorCode,
          'The code is not correct or has already been used',
          [{ field: proof.recoveryCode !== undefined ? 'recoveryCode' : 'code', message: 'The code is not correct' }],
        );
      }
    }
    await this.throttle.clearAccount(user.email);
  }

  /** The second step for an account with 2FA on that signed in another way (Google): POST /api/auth/login/2fa. */
  twoFactorChallenge(user: User): TwoFactorChallengeResponse {
    return { twoFactorRequired: true, challengeToken: this.accessTokens.signChallenge(user.id) };
  }

  /**
   * Starts a session for a user who has proved who they are (password and 2FA, or Google):
   * the same session, refresh token and device cookie as every sign-in.
   */
  async completeSignIn(user: User, meta: RequestMeta): Promise<SignedIn> {
    const knownDevice = await this.activity.hasSignedInFrom(user.id, meta);
    const { session, refreshToken } = await this.dataSource.transaction(async (manager) => {
      const started = await this.sessions.start(user.id, meta, manager);
      await this.users.update(user.id, { lastLoginAt: new Date() }, manager);
      await this.activity.record(user.id, ActivityType.LoginSucceeded, meta, undefined, manager);
      if (!knownDevice && user.lastLoginAt) {
        await this.outbox.enqueue(manager, {
          to: user.email,
          toName: user.displayName,
          userId: user.id,
          template: 'new-sign-in',
          variables: {
            firstName: user.firstName,
            when: formatUkDateTime(new Date()),
            ip: meta.ip ?? 'unknown',
            device: meta.userAgent?.slice(0, 120) ?? 'an unknown device',
            resetLink: `${this.config.publicUrl}/forgot-password`,
          },
        });
      }
      return started;
    });
    const body = this.loginBody(user, session);
    if (await this.mustSetUpTwoFactor(user)) body.twoFactorSetupRequired = true;
    return { body, refreshToken, deviceToken: this.deviceCookie.issue(user.id) };
  }

  /** "Admins must use 2FA" (security settings): an admin without it is sent to set it up. */
  private async mustSetUpTwoFactor(user: User): Promise<boolean> {
    if (!ADMIN_ROLES.includes(user.role) || user.twoFactorEnabled) return false;
    return this.settings.get('auth.adminsRequireTwoFactor');
  }

  private loginBody(user: User, session: AuthSession): LoginResponse {
    return {
      accessToken: this.accessTokens.signAccess({ sub: user.id, role: user.role, sid: session.id }),
      expiresIn: this.accessTokens.accessTokenTtlSeconds,
      user: toUserResponse(user),
    };
  }

  /**
   * A trusted device answers only for its own failures. An unknown device is refused while the
   * account is locked, and slowed down (not refused) while its address has used up its failures,
   * so that one guesser behind a shared address does not lock everyone else behind it out.
   */
  private async assertNotThrottled(email: string, meta: RequestMeta, trusted?: TrustedDevice): Promise<void> {
    const wait = trusted
      ? await this.throttle.deviceRetryAfter(trusted.id)
      : await this.throttle.accountRetryAfter(email);
    if (wait > 0) throw tooManyAttempts(wait);
    if (!trusted && (await this.throttle.ipExhausted(meta.ip))) await delay(await this.throttle.slowDownMs());
  }

  private async recordFailure(
    email: string,
    user: User | null,
    meta: RequestMeta,
    step: string,
    trusted?: TrustedDevice,
  ): Promise<void> {
    const exhausted = trusted
      ? await this.throttle.recordDeviceFailure(trusted.id)
      : await this.throttle.recordFailure(email, meta.ip);
    if (!user) return;
    await this.activity.record(user.id, ActivityType.LoginFailed, meta, { step });
    if (exhausted) await this.activity.record(user.id, ActivityType.LoginLockedOut, meta);
  }

  private assertMayUseAccount(user: User): void {
    if (user.status !== UserStatus.Active) {
      throw new AuthException(AuthErrorCode.AccountSuspended, 'This account is suspended. Contact support for help.');
    }
    if (!user.emailVerified) {
      throw new AuthException(
        AuthErrorCode.EmailNotVerified,
        'Confirm your email address first: open the link we sent you, or ask for a new one.',
      );
    }
  }

  private async sendVerification(user: User, manager: EntityManager): Promise<void> {
    const token = await this.accountTokens.issue(user.id, AccountTokenPurpose.EmailVerification, manager);
    const link = `${this.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    if (this.config.demoData && this.config.mail.transport === 'outbox') {
      // Demo mode sends no real email: print the link so a local user can finish signing up.
      this.logger.log(`Email confirmation link for ${user.email}: ${link}`);
    }
    await this.outbox.enqueue(manager, {
      to: user.email,
      toName: user.displayName,
      userId: user.id,
      template: 'verify-email',
      variables: { firstName: user.firstName, link },
    });
  }

  private async sendPasswordChanged(user: User, manager: EntityManager): Promise<void> {
    await this.outbox.enqueue(manager, {
      to: user.email,
      toName: user.displayName,
      userId: user.id,
      template: 'password-changed',
      variables: {
        firstName: user.firstName,
        when: formatUkDateTime(new Date()),
        resetLink: `${this.config.publicUrl}/forgot-password`,
      },
    });
  }

  private emailTaken(): never {
    throw new AuthException(AuthErrorCode.EmailTaken, 'An account with this email address already exists', [
      { field: 'email', message: 'An account with this email address already exists' },
    ]);
  }

  private invalidLink(): AuthException {
    return new AuthException(AuthErrorCode.InvalidToken, 'This link is invalid, has expired or has already been used', [
      { field: 'token', message: 'This link is invalid, has expired or has already been used' },
    ]);
  }

  private invalidSession(): AuthException {
    return new AuthException(AuthErrorCode.InvalidSession, 'Your session has ended. Please sign in again.');
  }
}
