import type { JobRun } from './admin-jobs-api';
import { describeDuration, describeRunResult, describeSummary, summaryItems, summaryLabel } from './job-format';

const run = (overrides: Partial<JobRun> = {}): JobRun => ({
  id: 'run-1',
  job: 'uploads-cleanup',
  outcome: 'succeeded',
  startedAt: '2026-07-01T13:05:00.000Z',
  finishedAt: '2026-07-01T13:05:01.250Z',
  durationMs: 1250,
  error: null,
  summary: { orphanFilesRemoved: 2, documentsWithoutFileRemoved: 0 },
  instanceId: 'web-1:1:abc',
  ...overrides,
});

describe('summaryLabel', () => {
  it('turns a summary key into words', () => {
    expect(summaryLabel('orphanFilesRemoved')).toBe('Orphan files removed');
    expect(summaryLabel('deleted')).toBe('Deleted');
    expect(summaryLabel('expiry_notices-sent')).toBe('Expiry notices sent');
    expect(summaryLabel('sent24hReminders')).toBe('Sent24h reminders');
  });
});

describe('summaryItems', () => {
  it('lists each count in the job’s order, with yes/no and a dash for empty values', () => {
    expect(summaryItems({ removed: 3, dryRun: false, note: null, ok: true })).toEqual([
      { label: 'Removed', value: '3' },
      { label: 'Dry run', value: 'No' },
      { label: 'Note', value: '–' },
      { label: 'Ok', value: 'Yes' },
    ]);
    expect(summaryItems(null)).toEqual([]);
  });
});

describe('describeSummary', () => {
  it('reads as one line, or nothing without a summary', () => {
    expect(describeSummary({ events: 4, tickets: 0 })).toBe('Events: 4, Tickets: 0');
    expect(describeSummary({})).toBe('');
    expect(describeSummary(null)).toBe('');
  });
});

describe('describeDuration', () => {
  it('uses the unit a person would', () => {
    expect(describeDuration(null)).toBe('');
    expect(describeDuration(0)).toBe('0 ms');
    expect(describeDuration(850)).toBe('850 ms');
    expect(describeDuration(4240)).toBe('4.2 s');
    expect(describeDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('describeRunResult', () => {
  it('announces a success with its UK time, how long it took and what it did', () => {
    expect(describeRunResult(run())).toEqual({
      kind: 'success',
      message:
        'uploads-cleanup ran at 1 Jul 2026, 14:05 and succeeded in 1.3 s. Orphan files removed: 2, Documents without file removed: 0.',
    });
  });

  it('announces a success without a summary plainly', () => {
    expect(describeRunResult(run({ summary: null })).message).toBe(
      'uploads-cleanup ran at 1 Jul 2026, 14:05 and succeeded in 1.3 s.',
    );
  });

  it('announces a failure as an error with its reason (winter time: GMT)', () => {
    expect(
      describeRunResult(
        run({ outcome: 'failed', startedAt: '2026-01-10T09:00:00Z', error: 'Stripe answered 500', summary: null }),
      ),
    ).toEqual({ kind: 'error', message: 'uploads-cleanup ran at 10 Jan 2026, 09:00 and failed: Stripe answered 500' });
  });
});
