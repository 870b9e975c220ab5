import { cronProblem, nextRun, scheduleCron } from './backup-schedule';
import { BackupFrequency } from './entities/backup-schedule.entity';

describe('backup schedule', () => {
  const base = { time: '02:30', weekday: null, cron: null };

  it('is off without a cron expression', () => {
    expect(scheduleCron({ ...base, frequency: BackupFrequency.Off })).toBeNull();
    expect(nextRun({ ...base, frequency: BackupFrequency.Off }, new Date())).toBeNull();
  });

  it('runs daily at the given UK time (GMT in winter, BST in summer)', () => {
    const winter = nextRun({ ...base, frequency: BackupFrequency.Daily }, new Date('2026-12-07T10:00:00Z'));
    expect(winter?.toISOString()).toBe('2026-12-08T02:30:00.000Z');
    const summer = nextRun({ ...base, frequency: BackupFrequency.Daily }, new Date('2026-07-07T10:00:00Z'));
    expect(summer?.toISOString()).toBe('2026-07-08T01:30:00.000Z');
  });

  it('runs weekly on the chosen day', () => {
    // 7 December 2026 is a Monday; Saturday is day 6.
    const next = nextRun({ ...base, frequency: BackupFrequency.Weekly, weekday: 6 }, new Date('2026-12-07T10:00:00Z'));
    expect(next?.toISOString()).toBe('2026-12-12T02:30:00.000Z');
  });

  it('accepts five-field cron expressions and explains the rest', () => {
    expect(cronProblem('0 */6 * * *')).toBeNull();
    expect(cronProblem('0 0 * *')).toMatch(/five fields/);
    expect(cronProblem('99 0 * * *')).not.toBeNull();
  });
});
