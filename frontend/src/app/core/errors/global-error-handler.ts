import { ErrorHandler, Injectable, inject } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { Notifier } from './notifier';
import { toApiProblem } from './api-error';

/**
 * The global error display. Pages handle the errors they expect (form field errors, a failed
 * sign-in) in their own error callbacks; any error a page leaves unhandled arrives here, and
 * the user sees the server's message in a snack bar instead of nothing happening.
 */
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  private readonly notifier = inject(Notifier);

  handleError(error: unknown): void {
    const cause = unwrap(error);
    if (cause instanceof HttpErrorResponse) {
      // A 401 here means the session ended: the interceptor has already sent the user to the
      // sign-in page, which says so.
      if (cause.status === 401) return;
      this.notifier.error(toApiProblem(cause).message);
      return;
    }
    // Programming errors and browser noise (such as ResizeObserver loop notices) are logged,
    // not shown: the user cannot act on them.
    console.error(error);
  }
}

/** Unhandled promise rejections and some Angular wrappers carry the real error inside. */
function unwrap(error: unknown): unknown {
  if (error && typeof error === 'object') {
    if ('rejection' in error) return (error as { rejection: unknown }).rejection;
    if ('reason' in error && (error as { reason: unknown }).reason instanceof HttpErrorResponse) {
      return (error as { reason: unknown }).reason;
    }
  }
  return error;
}
