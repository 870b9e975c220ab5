import { afterFailure, describeError, MAX_ERROR_LENGTH, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  describe(retryDelayMs.name, () => {
    it('waits 30 s after the first failure and doubles after each later one', () => {
      expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([
        30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
      ]);
    });

    it('never waits more than an hour, however many failures', () => {
      expect(retryDelayMs(8)).toBe(3_600_000);
      expect(retryDelayMs(50)).toBe(3_600_000);
      expect(retryDelayMs(5000)).toBe(3_600_000);
    });
  });

  describe(afterFailure.name, () => {
    const now = new Date('2026-03-01T10:00:00.000Z');

    it('schedules the next try from now and counts the attempt', () => {
      expect(afterFailure(0, 8, now)).toEqual({
        status: 'retry',
        attempts: 1,
        nextAttemptAt: new Date('2026-03-01T10:00:30.000Z'),
      });
      expect(afterFailure(3, 8, now)).toEqual({
        status: 'retry',
        attempts: 4,
        nextAttemptAt: new Date('2026-03-01T10:04:00.000Z'),
      });
    });

    it('gives up when the attempt just made was the last one allowed', () => {
      expect(afterFailure(7, 8, now)).toEqual({ status: 'dead', attempts: 8 });
      expect(afterFailure(0, 1, now)).toEqual({ status: 'dead', attempts: 1 });
    });

    it('keeps trying for about an hour with the default 8 attempts', () => {
      let attempts = 0;
      let at = now;
      for (;;) {
        const next = afterFailure(attempts, 8, at);
        if (next.status === 'dead') break;
        attempts = next.attempts;
        at = next.nextAttemptAt;
      }
      const minutes = (at.getTime() - now.getTime()) / 60_000;
      expect(minutes).toBeCloseTo(63.5, 1);
    });
  });

  describe(describeError.name, () => {
    it('keeps one line and fits the column', () => {
      expect(describeError(new Error('Graph answered 503\n  try later'))).toBe('Graph answered 503 try later');
      expect(describeError('x'.repeat(5000))).toHaveLength(MAX_ERROR_LENGTH);
      expect(describeError(undefined)).toBe('undefined');
    });
  });
});
