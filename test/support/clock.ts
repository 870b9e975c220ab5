/**
 * A clock the test moves by hand: only `Date` is faked, every timer stays real, so database
 * drivers, servers and intervals keep running while leases and expiries see the time the test
 * sets. Call `restore()` in `afterEach` (or a finally).
 */
export function fakeClock(start: Date = new Date()): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    now: start,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  return {
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    restore: () => jest.useRealTimers(),
  };
}

/** A promise the test settles when it chooses: work that lasts exactly as long as the test needs. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
