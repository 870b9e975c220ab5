import { CommonErrorCode, CommonException } from './common.exception';

/** Seconds a client is asked to wait before trying again while a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** Codes the database drivers and ioredis give when the server cannot be reached or went away. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

const CONNECTION_MESSAGES = [
  /pool is closed/i,
  /connection (is|was) closed/i,
  /can't add new command when connection is in closed state/i,
  /connect (ECONNREFUSED|ETIMEDOUT)/i,
  /connection lost/i,
  /MaxRetriesPerRequestError|Reached the max retries per request/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /Connection terminated/i,
];

/**
 * Whether an error means a dependency (the database, or Redis where it is required) cannot be
 * reached right now, as opposed to a bug or bad input. Follows TypeORM's `driverError` and `cause`.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}

/** 503 with Retry-After: the request did nothing, the session (if any) is intact; try again shortly. */
export function serviceUnavailable(): CommonException {
  const error = new CommonException(
    CommonErrorCode.ServiceUnavailable,
    'The service is briefly unavailable. Try again in a few seconds; you are still signed in.',
  );
  error.headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  return error;
}
