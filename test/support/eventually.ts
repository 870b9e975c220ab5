/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` and the last thing the probe saw. For waiting on processes and deliveries without sleeping
 * for a guessed time. The deadline is measured on the monotonic clock, so a test that fakes `Date`
 * (see clock.ts) still times out.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  {
    timeoutMs = 10_000,
    intervalMs = 100,
    describe,
  }: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = (error as Error).message;
    }
    if (performance.now() > deadline) {
      const detail = [last, describe?.()].filter(Boolean).join('\n');
      throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}${detail ? `:\n${detail}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
