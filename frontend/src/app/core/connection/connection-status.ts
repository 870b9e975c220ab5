import { HttpBackend, HttpErrorResponse, HttpInterceptorFn, HttpRequest, HttpResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Subscription, retry, tap, throwError, timer } from 'rxjs';
import { hasErrorCode, parseRetryAfter } from '@core/errors/api-error';

/** How long to wait between tries when the server does not say (Retry-After). */
const DEFAULT_WAIT_SECONDS = 5;
/** Reads are retried for about a minute before their screen shows the error. */
const MAX_READ_RETRIES = 12;

/**
 * The server answered 503 SERVICE_UNAVAILABLE (its database is briefly down) or could not be
 * reached at all. Neither says anything about the session: the user stays signed in.
 */
export function isServiceUnavailable(error: unknown): error is HttpErrorResponse {
  if (!(error instanceof HttpErrorResponse)) return false;
  if (error.status === 0) return true;
  return error.status === 503 && hasErrorCode(error, 'SERVICE_UNAVAILABLE');
}

/**
 * Whether the app has lost its server for a moment. While it has, the shell shows
 * "Reconnecting…", and the readiness check is polled so that the notice goes as soon as the
 * server can answer again, even if the screen makes no request of its own meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  // The raw backend: the probe must not go through the interceptors that report to this service.
  private readonly backend = inject(HttpBackend);
  private readonly lost = signal(false);
  private probe: Subscription | null = null;

  readonly reconnecting = this.lost.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.probe?.unsubscribe());
  }

  markUnavailable(retryAfterSeconds: number | null = null): void {
    this.lost.set(true);
    if (this.probe) return;
    const every = (retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) * 1000;
    this.probe = timer(every, every).subscribe(() => {
      this.backend.handle(new HttpRequest('GET', '/api/health')).subscribe({
        next: (event) => {
          if (event instanceof HttpResponse && event.ok) this.markAvailable();
        },
        error: () => undefined,
      });
    });
  }

  markAvailable(): void {
    this.probe?.unsubscribe();
    this.probe = null;
    this.lost.set(false);
  }
}

const waitSeconds = (error: HttpErrorResponse) =>
  parseRetryAfter(error.headers?.get('Retry-After') ?? null) ?? DEFAULT_WAIT_SECONDS;

/**
 * Reports lost and restored connections to ConnectionStatus and retries reads (GET, HEAD) after
 * the server's Retry-After while it is unavailable. Writes are not retried: their screen shows
 * the error and the user decides.
 */
export const connectionInterceptor: HttpInterceptorFn = (request, next) => {
  const path = request.url.startsWith('/') ? request.url : new URL(request.url, location.origin).pathname;
  if (!path.startsWith('/api/')) return next(request);
  const status = inject(ConnectionStatus);
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  return next(request).pipe(
    retry({
      count: isRead ? MAX_READ_RETRIES : 0,
      delay: (error: unknown) => {
        if (!isServiceUnavailable(error)) return throwError(() => error);
        status.markUnavailable(waitSeconds(error));
        return timer(waitSeconds(error) * 1000);
      },
    }),
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) status.markAvailable();
      },
      error: (error: unknown) => {
        if (isServiceUnavailable(error)) status.markUnavailable(waitSeconds(error));
      },
    }),
  );
};
