import { syncSummary } from './sync-summary';

describe('syncSummary', () => {
  it('says what changed in words', () => {
    expect(syncSummary({ created: 3, updated: 1, deleted: 0, failed: 0, busyTimes: null })).toBe(
      'Synced: 3 events added, 1 changed.',
    );
    expect(syncSummary({ created: 0, updated: 0, deleted: 0, failed: 0, busyTimes: 1 })).toBe(
      'Synced: your Google Calendar was already up to date. 1 busy time read from Google.',
    );
    expect(syncSummary({ created: 1, updated: 0, deleted: 2, failed: 1, busyTimes: 0 })).toBe(
      'Synced: 1 event added, 2 removed. 1 change failed and will be tried again shortly. 0 busy times read from Google.',
    );
  });
});
