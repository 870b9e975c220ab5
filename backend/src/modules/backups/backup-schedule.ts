import { CronTime } from 'cron';
import { BackupFrequency, BackupSchedule } from './entities/backup-schedule.entity';

export const SCHEDULE_TIME_ZONE = 'Europe/London';

type ScheduleFields = Pick<BackupSchedule, 'frequency' | 'time' | 'weekday' | 'cron'>;

/** The schedule as a five-field cron expression (UK time), or null when it is off. */
export function scheduleCron(schedule: ScheduleFields): string | null {
  const [hour, minute] = schedule.time.split(':').map(Number);
  switch (schedule.frequency) {
    case BackupFrequency.Off:
      return null;
    case BackupFrequency.Daily:
      return `${minute} ${hour} * * *`;
    case BackupFrequency.Weekly:
      return `${minute} ${hour} * * ${schedule.weekday ?? 0}`;
    case BackupFrequency.Cron:
      return schedule.cron;
  }
}

/** Why a cron expression cannot be used, or null when it can: five fields, understood by the scheduler. */
export function cronProblem(expression: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5)
    return 'a cron expression has five fields: minute hour day month weekday';
  try {
    new CronTime(expression, SCHEDULE_TIME_ZONE);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'not a cron expression';
  }
}

/** The first scheduled time after `after`, or null when the schedule is off. */
export function nextRun(schedule: ScheduleFields, after: Date): Date | null {
  const expression = scheduleCron(schedule);
  if (!expression || cronProblem(expression)) return null;
  return new CronTime(expression, SCHEDULE_TIME_ZONE).getNextDateFrom(after, SCHEDULE_TIME_ZONE).toJSDate();
}
