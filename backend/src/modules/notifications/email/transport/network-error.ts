interface ErrorLike {
  name?: unknown;
  message?: unknown;
  cause?: { code?: unknown; message?: unknown };
}

/**
 * Why a fetch() never got an answer, in words an operator can act on. Node's fetch rejects with
 * a bare "fetch failed" and keeps the reason (ECONNREFUSED, a reset, a DNS failure) in `cause`.
 * Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` can fail
 * (under Jest, for one).
 */
export function describeNetworkFailure(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer before the timeout';
  const message =
    typeof error.message === 'string' && error.message ? error.message : String(error.name ?? 'network error');
  const cause = error.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${message} (${detail})` : message;
}

export function isErrorLike(error: unknown): error is ErrorLike {
  return typeof error === 'object' && error !== null && ('message' in error || 'name' in error);
}
