import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiters } from '@app/common/redis/redis.module';
import { SettingsService } from '@app/modules/settings/settings.service';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role, SELF_SERVICE_ROLES } from '@app/common/auth/role';
import { randomToken, sha256Hex } from '@app/common/crypto/secret-box';
import { describeGoogleError } from '@app/common/google/google-oauth';
import { RequestMeta } from '@app/common/http/request-meta';
import { AppConfig } from '@app/config/app-config';
import { ActivityType } from '@app/modules/activity/activity-type';
import { ActivityService } from '@app/modules/activity/activity.service';
import { type User, UserStatus } from '@app/modules/users/entities/user.entity';
import { PRIVACY_NOTICE_VERSION } from '@app/modules/privacy/privacy-notice';
import { UsersService } from '@app/modules/users/users.service';
import { AuthErrorCode, AuthException, tooManyAttempts } from '../auth.exception';
import { AuthService, SignedIn } from '../auth.service';
import { TrustedDevice } from '../device-cookie';
import { GooglePendingSignIn } from '../entities/google-pending-sign-in.entity';
import { GoogleIdentity } from '../entities/google-identity.entity';
import { GoogleSignInState } from '../entities/google-sign-in-state.entity';
import { PasswordHasher } from '../password/password-hasher';
import { GoogleClaims, GoogleIdentityGateway, UntrustedIdToken } from './google-identity.gateway';
import { GoogleCallbackQuery, GoogleLinkDto, GoogleRegisterDto } from './google-sign-in.dto';
import {
  GoogleLinkStatusResponse,
  PendingGoogleSignInResponse,
  PendingGoogleStep,
  SignInProvidersResponse,
} from './google-sign-in.response';
import { GoogleSignInPage } from './google-sign-in-page';
import { GoogleSignInRepository } from './google-sign-in.repository';
import { GOOGLE_STATE_TTL_SECONDS, GoogleStateCookieValue } from './google-state-cookie';

/** How long a new person has to choose parent or childminder, or an owner to give their password. */
export const PENDING_TTL_SECONDS = 15 * 60;
const DAY_MS = 24 * 3600 * 1000;

export type GoogleStart =
  { kind: 'redirect'; location: string; cookie: GoogleStateCookieValue } | { kind: 'page'; page: GoogleSignInPage };

export type GoogleCallbackOutcome =
  | { kind: 'signed-in'; signedIn: SignedIn; location: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; page: GoogleSignInPage };

const page = (status: number, title: string, message: string): { kind: 'page'; page: GoogleSignInPage } => ({
  kind: 'page',
  page: { status, title, message },
});

const NOT_CONFIGURED = page(
  HttpStatus.SERVICE_UNAVAILABLE,
  'Sign in with Google is not set up',
  'This server is not configured for Google sign-in. Sign in with your email address and password.',
);
const NOT_THIS_BROWSER = page(
  HttpStatus.BAD_REQUEST,
  'This Google sign-in is not valid',
  'The answer from Google does not belong to a sign-in started in this browser. Start again from the sign-in page.',
);

/**
 * "Sign in with Google" (OpenID Connect). The callback signs in the person whose Google account
 * is linked; otherwise it hands the browser a short-lived, single-use pending step: a new person
 * chooses parent or childminder, and the owner of an existing account with the same (verified)
 * address links it by giving that account's password and, when on, its 2FA code.
 *
 * Staff accounts (support agents and admins) are never created, linked or signed in this way:
 * they sign in with their password and two-step verification only. An account linked before it
 * became staff is refused at the callback.
 */
@Injectable()
export class GoogleSignInService {
  private readonly logger = new Logger(GoogleSignInService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly gateway: GoogleIdentityGateway,
    private readonly repository: GoogleSignInRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly activity: ActivityService,
    private readonly limiters: RateLimiters,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Counts a request to start or finish a Google sign-in from this address; past the hourly
   * allowance (a live setting) the answer is 429 with Retry-After. Each start stores a state row,
   * so this is what keeps a script from filling the table or hammering Google through us.
   */
  async assertIpAllowed(meta: RequestMeta): Promise<void> {
    if (!meta.ip) return;
    const points = await this.settings.get('auth.googleSignIn.perIpPerHour');
    try {
      await this.limiters.get('google-sign-in:ip', points, 3600).consume(meta.ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooManyAttempts(rejection.msBeforeNext / 1000);
      // The counter store failed: let the sign-in through rather than refuse everyone.
    }
  }

  /** The app's sign-in page, where refused pages lead back to. */
  get signInUrl(): string {
    return `${this.config.publicUrl}/login`;
  }

  /** The app's page that finishes a Google sign-in (its fragment says what comes next). */
  private get continueUrl(): string {
    return `${this.config.publicUrl}/login/google`;
  }

  providers(): SignInProvidersResponse {
    return { google: this.gateway.configured };
  }

  /** A one-use state (stored as its hash, with the nonce) and the PKCE verifier for the browser's cookie. */
  async start(): Promise<GoogleStart> {
    if (!this.gateway.configured) return NOT_CONFIGURED;
    const state = randomToken();
    const nonce = randomToken(24);
    const now = new Date();
    await this.repository.deleteExpired(new Date(+now - DAY_MS));
    await this.repository.insertState(
      Object.assign(new GoogleSignInState(), {
        stateHash: sha256Hex(state),
        nonce,
        expiresAt: new Date(+now + GOOGLE_STATE_TTL_SECONDS * 1000),
        usedAt: null,
      }),
    );
    const { url, codeVerifier } = await this.gateway.authorizationUrl(state, nonce);
    return { kind: 'redirect', location: url, cookie: { state, codeVerifier } };
  }

  /** Google's redirect back: the state must be this browser's and unused, the ID token must verify. */
  async complete(
    query: GoogleCallbackQuery,
    cookie: GoogleStateCookieValue | undefined,
    meta: RequestMeta,
  ): Promise<GoogleCallbackOutcome> {
    if (!this.gateway.configured) return NOT_CONFIGURED;
    if (!query.state || !cookie || cookie.state !== query.state) return NOT_THIS_BROWSER;
    const { use, state } = await this.repository.useState(sha256Hex(query.state), new Date());
    if (use === 'used') {
      return page(
        HttpStatus.BAD_REQUEST,
        'This Google sign-in has already been used',
        'Each Google sign-in link works once. Start again from the sign-in page.',
      );
    }
    if (use === 'expired') {
      return page(
        HttpStatus.BAD_REQUEST,
        'This Google sign-in has expired',
        'A Google sign-in must be finished within 10 minutes. Start again from the sign-in page.',
      );
    }
    if (use !== 'ok' || !state) return NOT_THIS_BROWSER;
    if (query.error || !query.code) return { kind: 'redirect', location: `${this.signInUrl}?google=cancelled` };

    let claims: GoogleClaims;
    try {
      claims = await this.gateway.identify(query.code, cookie.codeVerifier, state.nonce);
    } catch (error) {
      if (error instanceof UntrustedIdToken) {
        this.logger.warn({ reason: error.message }, 'Google ID token refused');
        return page(
          HttpStatus.BAD_REQUEST,
          'Google’s answer could not be verified',
          'We could not confirm who signed in with Google. Start again from the sign-in page.',
        );
      }
      this.logger.warn({ error: describeGoogleError(error) }, 'Google sign-in code exchange failed');
      return page(HttpStatus.BAD_GATEWAY, 'Google did not complete the sign-in', 'Google did not answer. Try again.');
    }
    if (!claims.emailVerified) {
      return page(
        HttpStatus.BAD_REQUEST,
        'Google has not confirmed this email address',
        `Google has not verified that ${claims.email} belongs to this Google account, so it cannot be used to sign in. ` +
          'Confirm the address with Google, or create an account with a password.',
      );
    }

    const identity = await this.repository.findIdentityBySub(claims.sub);
    const linked = identity ? await this.users.findById(identity.userId) : null;
    if (identity && linked) return this.signInLinked(linked, identity, claims, meta);

    const existing = await this.users.findByEmail(claims.email);
    if (existing) {
      const refused = this.refusal(existing);
      if (refused) return refused;
    }
    return this.startPending(claims, existing);
  }

  async describePending(token: string): Promise<PendingGoogleSignInResponse> {
    const pending = await this.requirePending(token);
    return {
      step: pending.userId ? PendingGoogleStep.Link : PendingGoogleStep.ChooseRole,
      email: pending.googleEmail,
      firstName: pending.firstName,
      lastName: pending.lastName,
    };
  }

  /** A new person's account: the chosen role, the address Google verified (confirmed), linked to Google. */
  async register(dto: GoogleRegisterDto, meta: RequestMeta): Promise<SignedIn> {
    const pending = await this.requirePending(dto.token);
    if (pending.userId) {
      throw new AuthException(
        AuthErrorCode.EmailTaken,
        'An account with this email address already exists: give its password to link Google to it',
        [{ field: 'token', message: 'An account with this email address already exists' }],
      );
    }
    const user = this.users.build({
      email: pending.googleEmail,
      // No password yet: "Forgotten your password?" sets one.
      passwordHash: await this.hasher.hash(randomToken()),
      role: dto.role as Role,
      status: UserStatus.Active,
      firstName: dto.firstName ?? pending.firstName,
      lastName: dto.lastName ?? pending.lastName,
      postcode: null,
      phone: null,
      emailVerifiedAt: new Date(),
      twoFactorSecretEncrypted: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
      chatStatus: null,
      lastLoginAt: null,
      // Consent is asked on the role step, as on the registration form.
      privacyConsentAt: new Date(),
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      avatarUrl: null,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.repository.usePending(pending.id, new Date(), manager))) throw this.invalidPending();
        await this.users.insert(user, manager);
        await this.repository.link(user.id, pending.googleSub, pending.googleEmail, false, manager);
        await this.activity.record(user.id, ActivityType.Registered, meta, { role: user.role, via: 'google' }, manager);
        await this.activity.record(user.id, ActivityType.GoogleLinked, meta, undefined, manager);
      });
    } catch (error) {
      if (error instanceof AuthException) throw error;
      // Someone registered this address, or this Google account was linked, meanwhile.
      if (await this.users.findByEmail(pending.googleEmail)) {
        throw new AuthException(AuthErrorCode.EmailTaken, 'An account with this email address already exists', [
          { field: 'token', message: 'An account with this email address already exists' },
        ]);
      }
      if (await this.repository.findIdentityBySub(pending.googleSub)) throw this.invalidPending();
      throw error;
    }
    return this.auth.completeSignIn(await this.users.requireUser(user.id), meta);
  }

  /** Links the Google account to the existing account with its address, once its owner proved it is theirs. */
  async link(dto: GoogleLinkDto, meta: RequestMeta, device?: TrustedDevice): Promise<SignedIn> {
    const pending = await this.requirePending(dto.token);
    const user = pending.userId ? await this.users.findById(pending.userId) : null;
    if (!user) {
      throw new AuthException(AuthErrorCode.InvalidToken, 'There is no account to link: choose parent or childminder', [
        { field: 'token', message: 'There is no account to link' },
      ]);
    }
    if (!this.mayUseGoogle(user)) throw this.invalidPending();
    if (user.status !== UserStatus.Active) {
      throw new AuthException(AuthErrorCode.AccountSuspended, 'This account is suspended. Contact support for help.');
    }
    await this.auth.proveOwnership(user, dto, meta, device);
    try {
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.repository.usePending(pending.id, new Date(), manager))) throw this.invalidPending();
        // The owner just proved they know the account's password.
        await this.repository.link(user.id, pending.googleSub, pending.googleEmail, true, manager);
        // Google verified that this person controls the address the account was registered with.
        if (!user.emailVerifiedAt && user.email === pending.googleEmail) {
          await this.users.update(user.id, { emailVerifiedAt: new Date() }, manager);
        }
        await this.activity.record(
          user.id,
          ActivityType.GoogleLinked,
          meta,
          { googleEmail: pending.googleEmail },
          manager,
        );
      });
    } catch (error) {
      if (error instanceof AuthException) throw error;
      // The Google account was linked to another account meanwhile (its `sub` is unique).
      if (await this.repository.findIdentityBySub(pending.googleSub)) throw this.invalidPending();
      throw error;
    }
    return this.auth.completeSignIn(await this.users.requireUser(user.id), meta);
  }

  /** Account settings: whether Google signs me in, and whether unlinking it would lock me out. */
  async linkStatus(auth: AuthContext): Promise<GoogleLinkStatusResponse> {
    const identity = await this.repository.findIdentityOfUser(auth.userId);
    return {
      configured: this.gateway.configured,
      linked: identity !== null,
      googleEmail: identity?.googleEmail ?? null,
      linkedAt: identity?.createdAt.toISOString() ?? null,
      lastSignInAt: identity?.lastSignInAt?.toISOString() ?? null,
      canUnlink: identity !== null && identity.passwordChosen,
    };
  }

  /**
   * Stops Google signing me in. Refused while the account has no password of its owner's choosing
   * (created through Google): they would have no way back in, so they set one first.
   */
  async unlink(auth: AuthContext, meta: RequestMeta): Promise<void> {
    const identity = await this.repository.findIdentityOfUser(auth.userId);
    if (!identity) throw new AuthException(AuthErrorCode.GoogleNotLinked, 'Google is not linked to this account');
    if (!identity.passwordChosen) {
      throw new AuthException(
        AuthErrorCode.PasswordNeededToUnlink,
        'Set a password first (use "Forgotten your password?" on the sign-in page): without Google you would have no way to sign in',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.unlink(auth.userId, manager))) {
        throw new AuthException(AuthErrorCode.GoogleNotLinked, 'Google is not linked to this account');
      }
      await this.activity.record(
        auth.userId,
        ActivityType.GoogleUnlinked,
        meta,
        { googleEmail: identity.googleEmail },
        manager,
      );
    });
  }

  private async signInLinked(
    user: User,
    identity: GoogleIdentity,
    claims: GoogleClaims,
    meta: RequestMeta,
  ): Promise<GoogleCallbackOutcome> {
    const refused = this.refusal(user);
    if (refused) return refused;
    await this.repository.touch(identity.id, claims.email);
    // Google stands in for the password, never for the second factor.
    if (user.twoFactorEnabled) {
      const { challengeToken } = this.auth.twoFactorChallenge(user);
      return { kind: 'redirect', location: `${this.continueUrl}#challenge=${encodeURIComponent(challengeToken)}` };
    }
    const signedIn = await this.auth.completeSignIn(user, meta);
    return { kind: 'signed-in', signedIn, location: `${this.continueUrl}#signed-in` };
  }

  private async startPending(claims: GoogleClaims, existing: User | null): Promise<GoogleCallbackOutcome> {
    const token = randomToken();
    await this.repository.insertPending(
      Object.assign(new GooglePendingSignIn(), {
        tokenHash: sha256Hex(token),
        googleSub: claims.sub,
        googleEmail: claims.email,
        firstName: claims.firstName,
        lastName: claims.lastName,
        userId: existing?.id ?? null,
        expiresAt: new Date(Date.now() + PENDING_TTL_SECONDS * 1000),
        usedAt: null,
      }),
    );
    return { kind: 'redirect', location: `${this.continueUrl}#pending=${encodeURIComponent(token)}` };
  }

  private mayUseGoogle(user: User): boolean {
    return (SELF_SERVICE_ROLES as readonly Role[]).includes(user.role);
  }

  /** Accounts Google never signs in or links: staff, and suspended accounts. */
  private refusal(user: User): { kind: 'page'; page: GoogleSignInPage } | null {
    if (!this.mayUseGoogle(user)) {
      return page(
        HttpStatus.FORBIDDEN,
        'Staff accounts cannot sign in with Google',
        'Support and admin accounts sign in with their email address, password and two-step verification.',
      );
    }
    if (user.status !== UserStatus.Active) {
      return page(HttpStatus.FORBIDDEN, 'This account is suspended', 'Contact support for help.');
    }
    return null;
  }

  private async requirePending(token: string): Promise<GooglePendingSignIn> {
    if (!this.gateway.configured) {
      throw new AuthException(AuthErrorCode.GoogleNotConfigured, 'Sign in with Google is not set up on this server');
    }
    const pending = await this.repository.findPending(sha256Hex(token), new Date());
    if (!pending) throw this.invalidPending();
    return pending;
  }

  private invalidPending(): AuthException {
    const message = 'This Google sign-in has expired or has already been finished. Start again from the sign-in page.';
    return new AuthException(AuthErrorCode.InvalidToken, message, [{ field: 'token', message }]);
  }
}
