// Angular's libraries are partially compiled; outside the Angular CLI the JIT compiler links them.
import '@angular/compiler';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  EnvironmentInjector,
  Injector,
  createEnvironmentInjector,
  provideZonelessChangeDetection,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
} from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse, User } from '@core/api/api-types';
import { AuthService } from './auth';
import { authInterceptor } from './auth-interceptor';

const user: User = {
  id: 'u1',
  email: 'parent@example.com',
  role: 'parent',
  firstName: 'Priya',
  lastName: 'Shah',
  displayName: 'Priya Shah',
  emailVerified: true,
  twoFactorEnabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  avatarUrl: null,
};

function session(accessToken: string): LoginResponse {
  return { accessToken, expiresIn: 900, user };
}

function setUp() {
  const navigations: unknown[][] = [];
  const router = { url: '/account/activity', navigate: (...args: unknown[]) => navigations.push(args) };
  const injector = createEnvironmentInjector(
    [
      // A bare root injector: no DOM and no TestBed are needed to exercise HTTP and DI.
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      provideZonelessChangeDetection(),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      { provide: Router, useValue: router },
    ],
    Injector.NULL as EnvironmentInjector,
  );
  return {
    http: injector.get(HttpClient),
    backend: injector.get(HttpTestingController),
    auth: injector.get(AuthService),
    navigations,
  };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  it('adds the access token to API calls only', () => {
    const { http, backend, auth } = setUp();
    auth.login({ email: user.email, password: 'x' }).subscribe();
    backend.expectOne('/api/auth/login').flush(session('token-1'));

    http.get('/api/user/profile').subscribe();
    http.get('/media/logo.svg').subscribe();
    expect(backend.expectOne('/api/user/profile').request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(backend.expectOne('/media/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', () => {
    const { http, backend, auth } = setUp();
    auth.login({ email: user.email, password: 'x' }).subscribe();
    backend.expectOne('/api/auth/login').flush(session('old'));

    const results: string[] = [];
    http.get<{ n: string }>('/api/user/activity').subscribe((body) => results.push(body.n));
    http.get<{ n: string }>('/api/auth/session').subscribe((body) => results.push(body.n));
    backend.expectOne('/api/user/activity').flush(null, unauthorized);
    backend.expectOne('/api/auth/session').flush(null, unauthorized);

    const refreshes = backend.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].request.withCredentials).toBe(true);
    refreshes[0].flush(session('new'));

    const retries = [backend.expectOne('/api/user/activity'), backend.expectOne('/api/auth/session')];
    for (const retry of retries) expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retries[0].flush({ n: 'activity' });
    retries[1].flush({ n: 'session' });
    expect(results).toEqual(['activity', 'session']);
    backend.verify();
  });

  it('does not refresh after a failed sign-in', () => {
    const { backend, auth } = setUp();
    let failed = false;
    auth.login({ email: user.email, password: 'wrong' }).subscribe({ error: () => (failed = true) });
    backend.expectOne('/api/auth/login').flush({ code: 'INVALID_CREDENTIALS', message: 'Wrong' }, unauthorized);
    expect(failed).toBe(true);
    backend.verify();
  });

  it('does not refresh when linking Google needs the password or the 2FA code, and signs in once linked', () => {
    const { backend, auth } = setUp();
    const problems: string[] = [];
    const link = { token: 't'.repeat(43), password: 'x' };
    auth.googleLink(link).subscribe({ error: (error: { error: { code: string } }) => problems.push(error.error.code) });
    backend.expectOne('/api/auth/google/link').flush({ code: 'TWO_FACTOR_REQUIRED', message: 'Code' }, unauthorized);
    expect(problems).toEqual(['TWO_FACTOR_REQUIRED']);
    backend.verify();
    expect(auth.isSignedIn()).toBe(false);

    auth.googleLink({ ...link, code: '123456' }).subscribe();
    const linked = backend.expectOne('/api/auth/google/link');
    // The refresh cookie the answer sets must be kept.
    expect(linked.request.withCredentials).toBe(true);
    linked.flush(session('google-token'));
    expect(auth.accessToken()).toBe('google-token');
    expect(auth.user()?.email).toBe(user.email);
  });

  it('signs out and sends the user to sign in when the refresh is refused', () => {
    const { http, backend, auth, navigations } = setUp();
    auth.login({ email: user.email, password: 'x' }).subscribe();
    backend.expectOne('/api/auth/login').flush(session('old'));

    let status = 0;
    http.get('/api/user/profile').subscribe({ error: (error: { status: number }) => (status = error.status) });
    backend.expectOne('/api/user/profile').flush(null, unauthorized);
    backend.expectOne('/api/auth/refresh').flush({ code: 'UNAUTHENTICATED', message: 'No session' }, unauthorized);

    expect(status).toBe(401);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(navigations).toEqual([
      [['/login'], { queryParams: { returnUrl: '/account/activity' }, state: { sessionExpired: true } }],
    ]);
    backend.verify();
  });
});
