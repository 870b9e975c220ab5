/**
 * When a failed email is tried again. Pure functions, so the schedule is easy to read and test.
 *
 * The first retry comes after 30 s and each later one waits twice as long, capped at an hour:
 * a brief blip costs seconds, an outage is not hammered, and with the default 8 attempts an
 * email keeps trying for about an hour before it is marked dead for an admin to look at.
 */
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** Room for the error text in `email_outbox.lastError`. */
export const MAX_ERROR_LENGTH = 1000;

/** The wait before the next try, after `failedAttempts` (1 or more) failures in a row. */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long after the cap applies; Math.min handles that.
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

export type AfterFailure =
  { status: 'retry'; attempts: number; nextAttemptAt: Date } | { status: 'dead'; attempts: number };

/** What becomes of an email whose send just failed, having failed `previousAttempts` times before. */
export function afterFailure(previousAttempts: number, maxAttempts: number, now: Date): AfterFailure {
  const attempts = previousAttempts + 1;
  if (attempts >= maxAttempts) return { status: 'dead', attempts };
  return { status: 'retry', attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** An error as one line for `lastError`, cut to fit the column. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.replace(/\s+/g, ' ').trim() || 'Unknown error';
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}
