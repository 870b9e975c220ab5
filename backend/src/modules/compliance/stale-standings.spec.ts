import type { AuditService } from '@app/modules/audit/audit.service';
import type { DocumentChangeNotifier } from '@app/modules/documents/document-changes.port';
import type { StandingsStale } from '@app/modules/settings/settings.registry';
import type { SettingsService } from '@app/modules/settings/settings.service';
import type { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

/** The stale-standings walk over 1,200 childminders (three batches), with the marker in memory. */
function walk(onBatch: (ids: string[], marker: { value: StandingsStale | null }) => void = () => {}) {
  const ids = Array.from({ length: 1200 }, (_, i) => `user-${String(i).padStart(5, '0')}`);
  const marker: { value: StandingsStale | null } = { value: null };
  const settings = {
    get: async () => marker.value,
    replaceIf: async (_key: string, expected: StandingsStale | null, next: StandingsStale | null) => {
      if (JSON.stringify(marker.value) === JSON.stringify(expected)) marker.value = next;
      return marker.value;
    },
  } as unknown as SettingsService;
  const repository = {
    userIdsWithRole: async (_role: string, after: string, limit: number) =>
      ids.filter((id) => id > after).slice(0, limit),
  } as unknown as ComplianceRepository;
  const service = new ComplianceService(
    repository,
    settings,
    {} as AuditService,
    {
      listen: () => {},
    } as unknown as DocumentChangeNotifier,
  );
  const recomputed: string[] = [];
  jest.spyOn(service, 'standingsOf').mockImplementation(async (userIds) => {
    recomputed.push(...userIds);
    onBatch([...userIds], marker);
    return [];
  });
  service.onStandingChange(async () => {});
  return { ids, marker, service, recomputed };
}

const stale = (id: string, after = '', done = 0): StandingsStale => ({
  id,
  since: '2026-12-07T21:00:00Z',
  after,
  done,
});

describe('recomputeStaleStandings', () => {
  it('does nothing while the standings are current', async () => {
    const { service, recomputed } = walk();
    expect(await service.recomputeStaleStandings()).toEqual({ recomputed: 0 });
    expect(recomputed).toEqual([]);
  });

  it('walks every childminder once, in batches, and clears the marker', async () => {
    const { ids, marker, service, recomputed } = walk();
    marker.value = stale('a');
    expect(await service.recomputeStaleStandings()).toEqual({ recomputed: 1200 });
    expect(recomputed).toEqual(ids);
    expect(marker.value).toBeNull();
  });

  it('goes on from where a stopped run saved its place', async () => {
    const { ids, marker, service, recomputed } = walk();
    marker.value = stale('a', ids[499], 500);
    await service.recomputeStaleStandings();
    expect(recomputed).toEqual(ids.slice(500));
    expect(marker.value).toBeNull();
  });

  it('starts again from the first childminder when a requirement changes during the walk', async () => {
    let changed = false;
    const { ids, marker, service, recomputed } = walk((batch, current) => {
      if (!changed && batch.includes(ids[600]!)) {
        changed = true;
        current.value = stale('b');
      }
    });
    marker.value = stale('a');
    await service.recomputeStaleStandings();
    expect(recomputed).toEqual([...ids.slice(0, 1000), ...ids]);
    expect(marker.value).toBeNull();
  });
});
