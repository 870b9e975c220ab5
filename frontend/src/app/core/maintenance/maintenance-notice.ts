import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { type ErrorCode, hasErrorCode } from '@core/errors/api-error';

export const MAINTENANCE_CODE: ErrorCode = 'MAINTENANCE';
export const MAINTENANCE_PATH = '/maintenance';
/** Pages that stay usable during maintenance: admins sign in here to turn it off. */
const STAYS_OPEN = ['/login'];

/** What the server said when it refused a call for maintenance, for the maintenance page. */
@Injectable({ providedIn: 'root' })
export class MaintenanceNotice {
  readonly message = signal<string | null>(null);
  /** Where the user was, to go back to once maintenance ends. */
  returnUrl = '/';

  show(message: string, returnUrl: string): void {
    this.message.set(message);
    if (!returnUrl.startsWith(MAINTENANCE_PATH)) this.returnUrl = returnUrl;
  }
}

/**
 * While the platform is in maintenance every API call except admins' answers 503 with the code
 * MAINTENANCE: show the maintenance page with the admin's message instead of an error.
 */
export const maintenanceInterceptor: HttpInterceptorFn = (request, next) => {
  const notice = inject(MaintenanceNotice);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 503 && hasErrorCode(error, MAINTENANCE_CODE)) {
        // The address bar, not router.url: during the first navigation the router still says "/".
        const here = location.pathname;
        notice.show(String(error.error.message ?? ''), `${here}${location.search}`);
        const staysOpen = here.startsWith(MAINTENANCE_PATH) || STAYS_OPEN.some((path) => here.startsWith(path));
        if (!staysOpen) void router.navigateByUrl(MAINTENANCE_PATH);
      }
      return throwError(() => error);
    }),
  );
};
