import type { BoundingBox } from '@app/modules/geo/geo-math';
import { AgeGroup, ChildminderService, FUNDED_HOURS_SERVICE } from '../childminder-vocabulary';
import { containsPattern } from '../delimited-list';

/** What a parent asked for, already validated and normalised. */
export interface SearchFilters {
  box: BoundingBox;
  maxHourlyRatePence?: number;
  services?: readonly ChildminderService[];
  languages?: readonly string[];
  fundedHours?: 15 | 30;
  specialNeeds?: boolean;
  minRating?: number;
  /** Every one of these must be cared for (from the children's dates of birth). */
  ageGroups?: readonly AgeGroup[];
  /** Only childminders not non-compliant on this UK day (YYYY-MM-DD): verified-only, or the platform hides the others. */
  compliantOn?: string;
  /** Days and times: the availability module's condition on `profile.userId` (CareAvailabilityPort). */
  care?: FilterClause;
}

/** One SQL condition on the `profile` alias with its own named parameters. */
export interface FilterClause {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The WHERE clauses of a search, in the order the index serves them: the visibility flags and
 * the bounding box first (IDX_childminder_profiles_search), then the rest on the narrowed rows.
 * Booleans are compared with 1, which is true on MySQL/MariaDB (tinyint) and SQLite (integer).
 * Every list filter requires all of its values (a parent who needs pick-up and meals wants both).
 */
export function filterClauses(filters: SearchFilters): FilterClause[] {
  const clauses: FilterClause[] = [
    { sql: 'profile.visible = 1 AND profile.active = 1 AND profile.complete = 1', params: {} },
    {
      sql: 'profile.latitude BETWEEN :minLatitude AND :maxLatitude',
      params: { minLatitude: filters.box.minLatitude, maxLatitude: filters.box.maxLatitude },
    },
    {
      sql: 'profile.longitude BETWEEN :minLongitude AND :maxLongitude',
      params: { minLongitude: filters.box.minLongitude, maxLongitude: filters.box.maxLongitude },
    },
  ];
  if (filters.maxHourlyRatePence !== undefined) {
    clauses.push({ sql: 'profile.hourlyRatePence <= :maxRate', params: { maxRate: filters.maxHourlyRatePence } });
  }
  if (filters.minRating !== undefined) {
    clauses.push({ sql: 'profile.ratingAverage >= :minRating', params: { minRating: filters.minRating } });
  }
  if (filters.compliantOn !== undefined) {
    clauses.push({ sql: 'profile.compliantThrough >= :compliantOn', params: { compliantOn: filters.compliantOn } });
  }
  if (filters.specialNeeds !== undefined) {
    clauses.push({ sql: `profile.specialNeedsExperience = ${filters.specialNeeds ? 1 : 0}`, params: {} });
  }
  const services = new Set(filters.services ?? []);
  if (filters.fundedHours) services.add(FUNDED_HOURS_SERVICE[filters.fundedHours]);
  const lists: [column: string, values: Iterable<string>][] = [
    ['services', services],
    ['languages', filters.languages ?? []],
    ['ageGroups', filters.ageGroups ?? []],
  ];
  for (const [column, values] of lists) {
    [...values].forEach((value, index) => {
      const name = `${column}${index}`;
      clauses.push({ sql: `profile.${column} LIKE :${name}`, params: { [name]: containsPattern(value) } });
    });
  }
  // Last: a lookup per candidate left by everything above.
  if (filters.care) clauses.push(filters.care);
  return clauses;
}
