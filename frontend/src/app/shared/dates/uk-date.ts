import { Pipe, type PipeTransform } from '@angular/core';

const LONDON = 'Europe/London';

const FORMATS = {
  /** 3 Mar 2026, 14:05 */
  dateTime: new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  /** 3 March 2026 */
  date: new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  /** 14:05 */
  time: new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit' }),
} as const;

export type UkDateFormat = keyof typeof FORMATS;

/** Times are stored in UTC and always shown in UK time, whatever the device's zone. */
export function formatUkDate(value: string | Date | null | undefined, format: UkDateFormat = 'dateTime'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : FORMATS[format].format(date);
}

@Pipe({ name: 'ukDate' })
export class UkDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, format: UkDateFormat = 'dateTime'): string {
    return formatUkDate(value, format);
  }
}
