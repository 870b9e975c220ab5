import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiErrorBody, ApiErrorDetail } from '@core/api/api-types';

/** Every code the server's error bodies carry: the `ErrorCode` enum of the OpenAPI document. */
export type ErrorCode = ApiErrorBody['code'];

/** A server code, or the client's own: no response at all, or a body without a code (its status). */
export type ProblemCode = ErrorCode | 'CLIENT_ERROR' | 'NETWORK' | `${number}`;

/** An API failure reduced to what a screen shows: always a message, maybe a code and field errors. */
export interface ApiProblem {
  status: number;
  code: ProblemCode;
  message: string;
  details: ApiErrorDetail[];
  /** Seconds to wait before trying again, from a 429's Retry-After header. */
  retryAfterSeconds: number | null;
  requestId: string | null;
}

const OFFLINE_MESSAGE = "We couldn't reach Childminder Connect. Check your internet connection and try again.";
const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    (typeof value.message === 'string' || Array.isArray(value.message))
  );
}

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** "try again in 1 minute", "try again in 15 minutes", "try again in a few seconds". */
export function describeWait(seconds: number | null): string {
  if (seconds === null) return 'try again later';
  if (seconds < 60) return 'try again in a few seconds';
  const minutes = Math.ceil(seconds / 60);
  return `try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function toApiProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return {
      status: 0,
      code: 'CLIENT_ERROR',
      message: UNEXPECTED_MESSAGE,
      details: [],
      retryAfterSeconds: null,
      requestId: null,
    };
  }
  const retryAfterSeconds = parseRetryAfter(error.headers?.get('Retry-After') ?? null);
  if (error.status === 0) {
    return { status: 0, code: 'NETWORK', message: OFFLINE_MESSAGE, details: [], retryAfterSeconds, requestId: null };
  }
  const body: unknown = error.error;
  if (isErrorBody(body)) {
    const raw = body.message as unknown;
    const message = Array.isArray(raw) ? raw.join(' ') : String(raw);
    return {
      status: error.status,
      code: body.code ?? `${error.status}`,
      message: error.status >= 500 && !message ? UNEXPECTED_MESSAGE : message,
      details: Array.isArray(body.details) ? body.details : [],
      retryAfterSeconds,
      requestId: body.requestId ?? null,
    };
  }
  return {
    status: error.status,
    code: `${error.status}`,
    message: error.status >= 500 ? UNEXPECTED_MESSAGE : `The request failed (${error.status}).`,
    details: [],
    retryAfterSeconds,
    requestId: null,
  };
}

/**
 * Whether an API failure (the HttpErrorResponse, or the ApiProblem made of it) carries one of
 * `codes`. Match codes with this, never with string literals: the codes are checked against the
 * server's, so a renamed or removed code fails to compile.
 */
export function hasErrorCode(error: unknown, ...codes: readonly ErrorCode[]): boolean {
  const code =
    error instanceof HttpErrorResponse
      ? (error.error as { code?: unknown } | null)?.code
      : (error as Partial<ApiProblem> | null)?.code;
  return typeof code === 'string' && (codes as readonly string[]).includes(code);
}

/**
 * Puts the server's field errors on the matching controls as a `server` error and returns the
 * details that matched no control, so the page can show them with the general message.
 * `fieldMap` renames API fields to control names (`{ newPassword: 'password' }`).
 */
export function applyFieldErrors(
  form: FormGroup,
  details: readonly ApiErrorDetail[],
  fieldMap: Readonly<Record<string, string>> = {},
): ApiErrorDetail[] {
  const unmatched: ApiErrorDetail[] = [];
  for (const detail of details) {
    const field = detail.field;
    const control: AbstractControl | null = field ? form.get(fieldMap[field] ?? field) : null;
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
    } else {
      unmatched.push(detail);
    }
  }
  return unmatched;
}

/** The message to show for a control, or null. Client-side validators first, then the server's. */
export function controlError(control: AbstractControl | null, label: string): string | null {
  if (!control?.errors) return null;
  const errors = control.errors;
  if (errors['required']) return `Enter your ${label.toLowerCase()}`;
  if (errors['email']) return 'Enter an email address in the format name@example.com';
  if (errors['minlength']) {
    const { requiredLength } = errors['minlength'] as { requiredLength: number };
    return `${label} must be at least ${requiredLength} characters`;
  }
  if (errors['maxlength']) {
    const { requiredLength } = errors['maxlength'] as { requiredLength: number };
    return `${label} must be ${requiredLength} characters or fewer`;
  }
  if (errors['pattern'] || errors['format'])
    return (errors['format'] as string) ?? `Enter a valid ${label.toLowerCase()}`;
  if (errors['mismatch']) return errors['mismatch'] as string;
  if (errors['server']) return errors['server'] as string;
  return `Check your ${label.toLowerCase()}`;
}
