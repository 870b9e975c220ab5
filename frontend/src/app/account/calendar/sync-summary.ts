import type { CalendarSyncResult } from '@core/api/api-types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Synced: 3 events added, 1 changed. 2 busy times read from Google." */
export function syncSummary(result: Omit<CalendarSyncResult, 'busyTimes'> & { busyTimes?: number | null }): string {
  const parts = [
    result.created ? `${plural(result.created, 'event')} added` : '',
    result.updated ? `${result.updated} changed` : '',
    result.deleted ? `${result.deleted} removed` : '',
  ].filter(Boolean);
  let text = parts.length ? `Synced: ${parts.join(', ')}.` : 'Synced: your Google Calendar was already up to date.';
  if (result.failed) text += ` ${plural(result.failed, 'change')} failed and will be tried again shortly.`;
  if (result.busyTimes != null) text += ` ${plural(result.busyTimes, 'busy time')} read from Google.`;
  return text;
}
