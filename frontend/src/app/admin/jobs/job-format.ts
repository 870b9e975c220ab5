import { formatUkDate } from '@shared/dates/uk-date';
import type { AlertKind } from '@shared/form-alert/form-alert';
import type { JobOutcome, JobRun } from './admin-jobs-api';

export const OUTCOME_LABELS: Readonly<Record<JobOutcome, string>> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

/** The badge's look (the shared `.badge--*` classes) and icon: the word says it too, not colour alone. */
export const OUTCOME_BADGES: Readonly<Record<JobOutcome, { modifier: string; icon: string }>> = {
  running: { modifier: 'badge--neutral', icon: 'autorenew' },
  succeeded: { modifier: 'badge--ok', icon: 'check_circle' },
  failed: { modifier: 'badge--warn', icon: 'error' },
};

export interface SummaryItem {
  label: string;
  value: string;
}

/** `orphanFilesRemoved` -> `Orphan files removed`; `deleted` -> `Deleted`. */
export function summaryLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A run's summary (each job its own counts) as label/value pairs, in the order the job gave them. */
export function summaryItems(summary: JobRun['summary']): SummaryItem[] {
  return Object.entries(summary ?? {}).map(([key, value]) => ({
    label: summaryLabel(key),
    value: value === null ? '–' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value),
  }));
}

/** "Orphan files removed: 2, Deleted: 0", or "" when the run kept no summary. */
export function describeSummary(summary: JobRun['summary']): string {
  return summaryItems(summary)
    .map((item) => `${item.label}: ${item.value}`)
    .join(', ');
}

/** "850 ms", "4.2 s", "2 min 5 s"; "" while the run has not finished. */
export function describeDuration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** What the live region says once a run asked for on this screen has finished. */
export function describeRunResult(run: JobRun): { kind: AlertKind; message: string } {
  const when = formatUkDate(run.startedAt);
  if (run.outcome === 'failed') {
    return { kind: 'error', message: `${run.job} ran at ${when} and failed: ${run.error ?? 'no reason was given'}` };
  }
  const summary = describeSummary(run.summary);
  const took = describeDuration(run.durationMs);
  return {
    kind: 'success',
    message:
      `${run.job} ran at ${when} and ${OUTCOME_LABELS[run.outcome].toLowerCase()}` +
      (took ? ` in ${took}` : '') +
      (summary ? `. ${summary}.` : '.'),
  };
}
