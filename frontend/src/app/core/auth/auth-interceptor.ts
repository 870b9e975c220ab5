import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService, isSessionRejection } from './auth';

/**
 * Endpoints that deal in credentials themselves: a 401 from them means "wrong password" or
 * "no session", never "access token expired", so it is not answered with a refresh.
 */
const CREDENTIAL_ENDPOINTS = [
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/logout',
  '/api/auth/register',
  '/api/auth/verify-email',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/demo-accounts',
  '/api/auth/providers',
  '/api/auth/google',
];

function pathOf(url: string): string {
  return url.startsWith('/') ? url.split('?')[0] : new URL(url, location.origin).pathname;
}

function isApiCall(url: string): boolean {
  const path = pathOf(url);
  return path === '/api' || path.startsWith('/api/');
}

function isCredentialEndpoint(url: string): boolean {
  const path = pathOf(url);
  return CREDENTIAL_ENDPOINTS.some((endpoint) => path === endpoint || path.startsWith(`${endpoint}/`));
}

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the access token to API calls. When one fails with 401 the token has probably expired:
 * refresh once (shared by every request that failed meanwhile) and retry; if the refresh is
 * refused, the session is over and the user is sent to sign in again.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiCall(request.url)) return next(request);
  const auth = inject(AuthService);
  const sentToken = auth.accessToken();
  const outgoing = pathOf(request.url).startsWith('/api/auth/')
    ? withToken(request, sentToken).clone({ withCredentials: true })
    : withToken(request, sentToken);

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || isCredentialEndpoint(request.url)) {
        return throwError(() => error);
      }
      // Another request already refreshed while this one was in flight: just retry.
      const current = auth.accessToken();
      if (current && current !== sentToken) return next(withToken(outgoing, current));

      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          if (isSessionRejection(refreshError)) auth.expireSession();
          return throwError(() => error);
        }),
        switchMap((token) => next(withToken(outgoing, token))),
      );
    }),
  );
};
