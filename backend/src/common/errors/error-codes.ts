/**
 * Every code an error body can carry. Each feature's `defineDomainException` registers its code
 * enum here as its module loads; the codes below are the ones the exception filter gives to
 * framework and unexpected errors. The OpenAPI document lists them all as the `ErrorCode` enum,
 * so the frontend matches codes from a generated union instead of string literals.
 */
const registered = new Set<string>();

/** The code the exception filter gives a framework `HttpException` (or Fastify error) by status. */
export const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** A framework error with a status missing from CODE_BY_STATUS. */
export const UNKNOWN_ERROR_CODE = 'ERROR';
/** Anything unexpected: the body carries only the request id. */
export const INTERNAL_ERROR_CODE = 'INTERNAL_ERROR';

export function registerErrorCodes(codes: Iterable<string>): void {
  for (const code of codes) registered.add(code);
}

/** All codes, sorted, so the document changes only when a code is added or removed. */
export function allErrorCodes(): string[] {
  return [
    ...new Set([...registered, ...Object.values(CODE_BY_STATUS), UNKNOWN_ERROR_CODE, INTERNAL_ERROR_CODE]),
  ].sort();
}
