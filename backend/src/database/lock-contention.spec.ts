import { isLockContention, retryOnLockContention } from './lock-contention';

const deadlock = Object.assign(new Error('Deadlock found'), { driverError: { code: 'ER_LOCK_DEADLOCK', errno: 1213 } });
const duplicate = Object.assign(new Error('Duplicate entry'), { driverError: { code: 'ER_DUP_ENTRY', errno: 1062 } });

describe('lock contention', () => {
  it('recognises deadlocks, lock wait timeouts and a busy SQLite database, nothing else', () => {
    expect(isLockContention(deadlock)).toBe(true);
    expect(isLockContention({ driverError: { errno: 1205 } })).toBe(true);
    expect(isLockContention({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isLockContention(duplicate)).toBe(false);
    expect(isLockContention(undefined)).toBe(false);
  });

  it('runs a transaction that lost to a deadlock again, and hands back its result', async () => {
    const work = jest.fn().mockRejectedValueOnce(deadlock).mockResolvedValueOnce('saved');
    const retried: number[] = [];
    await expect(retryOnLockContention(work, 3, (_, next) => retried.push(next))).resolves.toBe('saved');
    expect(work).toHaveBeenCalledTimes(2);
    expect(retried).toEqual([2]);
  });

  it('gives the last contention to the caller after the given attempts, and any other error at once', async () => {
    const alwaysDeadlocks = jest.fn().mockRejectedValue(deadlock);
    await expect(retryOnLockContention(alwaysDeadlocks, 3)).rejects.toBe(deadlock);
    expect(alwaysDeadlocks).toHaveBeenCalledTimes(3);

    const duplicates = jest.fn().mockRejectedValue(duplicate);
    await expect(retryOnLockContention(duplicates, 3)).rejects.toBe(duplicate);
    expect(duplicates).toHaveBeenCalledTimes(1);
  });
});
