import type { DailyCount } from '../users/admin-users-api';
import type { ChartSeries } from './trend-chart';

/** Every UTC day from `from` to `to` (exclusive), as `2026-12-07`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = new Date(to).getTime();
  for (let t = Date.parse(from.slice(0, 10)); t < end; t += 24 * 3600 * 1000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Daily counts as one series per key (a role, a status), zero on days with none. */
export function toSeries(rows: DailyCount[], days: string[], labels: Record<string, string> = {}): ChartSeries[] {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return keys.map((key) => ({
    label: labels[key] ?? key.replace(/_/g, ' '),
    values: days.map((day) => rows.filter((r) => r.key === key && r.day === day).reduce((n, r) => n + r.count, 0)),
  }));
}

/** `{ active: 3, suspended: 1 }` as "3 active, 1 suspended". */
export function describeCounts(counts: Record<string, number>, labels: Record<string, string> = {}): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${labels[key] ?? key.replace(/_/g, ' ')}`);
  return parts.length ? parts.join(', ') : 'None';
}

export const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
