/** The public availability's free slots grouped by UK day, for the compact preview. Pure. */
import type { FreeSlot } from '@core/api/api-types';

export interface AvailabilityDay {
  /** YYYY-MM-DD, UK */
  date: string;
  /** "Mon 2 Mar" */
  label: string;
  slots: { startsAt: string; endsAt: string; label: string; start: string; end: string }[];
}

const LONDON = 'Europe/London';
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', day: 'numeric', month: 'short' });
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const ukDate = (d: Date) => ISO_DAY.format(d);

/**
 * One entry per UK day from `from` (YYYY-MM-DD) for `days` days, each with its free slots (a slot that runs
 * past midnight is shown on the day it starts). Days without a slot are kept, so the preview
 * shows a fortnight at a glance.
 */
export function availabilityDays(slots: readonly FreeSlot[], from: string, days: number): AvailabilityDay[] {
  const result: AvailabilityDay[] = [];
  const byDate = new Map<string, AvailabilityDay>();
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < days; i++) {
    // Noon UTC is the same UK day whatever the clocks do.
    const day = new Date(Date.UTC(y, m - 1, d + i, 12));
    const entry: AvailabilityDay = { date: ukDate(day), label: DAY.format(day).replace(',', ''), slots: [] };
    result.push(entry);
    byDate.set(entry.date, entry);
  }
  for (const slot of slots) {
    const start = new Date(slot.startsAt);
    const end = new Date(slot.endsAt);
    const entry = byDate.get(ukDate(start));
    if (!entry) continue;
    const startTime = TIME.format(start);
    const endTime = ukDate(end) === entry.date ? TIME.format(end) : '23:59';
    entry.slots.push({
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      label: `${startTime}–${endTime}`,
      start: startTime,
      end: endTime,
    });
  }
  return result;
}

/** The UK date today as YYYY-MM-DD and the date `days` later, the preview's range. */
export function previewRange(now: Date, days: number): { from: string; to: string } {
  const today = ukDate(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1, d + days, 12));
  return { from: today, to: ukDate(end) };
}
