/**
 * Whether a write was rolled back because of other transactions rather than anything wrong with
 * it: a MySQL/MariaDB deadlock (1213) or lock wait timeout (1205), or SQLite's "database is
 * locked". The whole transaction is undone, so running it again from the start is safe.
 */
export function isLockContention(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } } | undefined;
  const errno = e?.driverError?.errno ?? e?.errno;
  const code = e?.driverError?.code ?? e?.code;
  return (
    errno === 1213 ||
    errno === 1205 ||
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_LOCK_WAIT_TIMEOUT' ||
    code === 'SQLITE_BUSY'
  );
}

/**
 * Runs `transaction` (a whole transaction, not a step inside one) and, when it loses to lock
 * contention, runs it again, up to `attempts` times in all; any other error, or the last
 * contention, goes to the caller. `onRetry` hears each retry (for a warning in the log).
 */
export async function retryOnLockContention<T>(
  transaction: () => Promise<T>,
  attempts: number,
  onRetry?: (error: unknown, nextAttempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isLockContention(error) || attempt >= attempts) throw error;
      onRetry?.(error, attempt + 1);
    }
  }
}
