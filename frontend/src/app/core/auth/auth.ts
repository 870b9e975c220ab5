import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { Router } from '@angular/router';
import { Observable, catchError, finalize, firstValueFrom, map, of, shareReplay, tap, timeout } from 'rxjs';
import {
  type DemoAccounts,
  type ForgotPasswordRequest,
  type GoogleLinkRequest,
  type GoogleRegisterRequest,
  type LoginRequest,
  type LoginResponse,
  type LoginTwoFactorRequest,
  type MessageResponse,
  type PendingGoogleSignIn,
  type RegisterRequest,
  type RegisterResponse,
  type ResendVerificationRequest,
  type ResetPasswordRequest,
  type SessionResponse,
  type SignInProviders,
  type TwoFactorChallenge,
  type User,
  isTwoFactorChallenge,
} from '@core/api/api-types';
import { homeForRole } from './roles';
import { hasSessionHint } from './session-hint';

const RESTORE_TIMEOUT_MS = 8000;

/**
 * Who is signed in. The access token lives only in memory (this service's signal); the refresh
 * token is an httpOnly cookie the server sets on /api/auth paths, so a reload restores the
 * session through `POST /api/auth/refresh`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);

  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<User | null>(null);
  private refreshInFlight: Observable<string> | null = null;
  private providersRequest: Observable<SignInProviders> | null = null;

  readonly accessToken = this.token.asReadonly();
  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);
  readonly homeUrl = computed(() => {
    const role = this.role();
    return role ? homeForRole(role) : '/';
  });

  /**
   * Called once at start-up: a 401 (or anything else) just means nobody is signed in. The app
   * waits for the answer before routing, but not for ever if the server is slow.
   */
  restoreSession(): Promise<void> {
    // Without the server's hint cookie there is no refresh cookie either: nothing to restore.
    if (!hasSessionHint(document.cookie)) return Promise.resolve();
    return firstValueFrom(
      this.refresh().pipe(
        timeout({ first: RESTORE_TIMEOUT_MS }),
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  login(body: LoginRequest): Observable<LoginResponse | TwoFactorChallenge> {
    return this.api.post('/api/auth/login', { body, withCredentials: true }).pipe(
      tap((response) => {
        if (!isTwoFactorChallenge(response)) this.startSession(response);
      }),
    );
  }

  loginWithTwoFactor(body: LoginTwoFactorRequest): Observable<LoginResponse> {
    return this.api
      .post('/api/auth/login/2fa', { body, withCredentials: true })
      .pipe(tap((response) => this.startSession(response)));
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
   * so a burst of 401s triggers a single refresh (the server rotates the cookie and would treat
   * a second use of the old one as token theft).
   */
  refresh(): Observable<string> {
    this.refreshInFlight ??= this.api.post('/api/auth/refresh', { withCredentials: true }).pipe(
      tap((response) => this.startSession(response)),
      map((response) => response.accessToken),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  logout(): Observable<void> {
    return this.api.post('/api/auth/logout', { withCredentials: true }).pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      finalize(() => this.clearSession()),
    );
  }

  /** The refresh token is gone or rejected: forget the user and ask them to sign in again. */
  expireSession(returnUrl = this.router.url): void {
    this.clearSession();
    const queryParams = returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {};
    void this.router.navigate(['/login'], { queryParams, state: { sessionExpired: true } });
  }

  clearSession(): void {
    this.token.set(null);
    this.currentUser.set(null);
  }

  /** Keeps the toolbar in step after the profile or 2FA settings change. */
  updateUser(changes: Partial<User>): void {
    this.currentUser.update((user) => (user ? { ...user, ...changes } : user));
  }

  reloadUser(): Observable<User> {
    return this.api.get('/api/users/me').pipe(tap((user) => this.currentUser.set(user)));
  }

  session(): Observable<SessionResponse> {
    return this.api.get('/api/auth/session');
  }

  register(body: RegisterRequest): Observable<RegisterResponse> {
    return this.api.post('/api/auth/register', { body });
  }

  verifyEmail(token: string): Observable<MessageResponse> {
    return this.api.post('/api/auth/verify-email', { body: { token } });
  }

  resendVerification(body: ResendVerificationRequest): Observable<MessageResponse> {
    return this.api.post('/api/auth/verify-email/resend', { body });
  }

  forgotPassword(body: ForgotPasswordRequest): Observable<MessageResponse> {
    return this.api.post('/api/auth/forgot-password', { body });
  }

  resetPassword(body: ResetPasswordRequest): Observable<MessageResponse> {
    return this.api.post('/api/auth/reset-password', { body });
  }

  /** Which sign-in methods besides the password this server offers (the Google button). Asked once. */
  providers(): Observable<SignInProviders> {
    this.providersRequest ??= this.api.get('/api/auth/providers').pipe(
      catchError(() => of({ google: false })),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.providersRequest;
  }

  /** What a Google sign-in waits for (the token from the address Google sent the browser back to). */
  googlePending(token: string): Observable<PendingGoogleSignIn> {
    return this.api.post('/api/auth/google/pending', { body: { token } });
  }

  googleRegister(body: GoogleRegisterRequest): Observable<LoginResponse> {
    return this.api
      .post('/api/auth/google/register', { body, withCredentials: true })
      .pipe(tap((response) => this.startSession(response)));
  }

  googleLink(body: GoogleLinkRequest): Observable<LoginResponse> {
    return this.api
      .post('/api/auth/google/link', { body, withCredentials: true })
      .pipe(tap((response) => this.startSession(response)));
  }

  demoAccounts(): Observable<DemoAccounts> {
    return this.api.get('/api/auth/demo-accounts');
  }

  private startSession(response: LoginResponse): void {
    this.token.set(response.accessToken);
    this.currentUser.set(response.user);
  }
}

/** True when the refresh token was refused, as opposed to the network or server failing. */
export function isSessionRejection(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403);
}
