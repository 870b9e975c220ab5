import type { ParamMap, Params } from '@angular/router';
import { SERVICES, WEEKDAY_LABELS, WEEKDAYS } from './childminder-labels';
import type { CareNeeded, ChildminderServiceCode, SearchCriteria, SearchSort, Weekday } from './childminder-types';

export const RADIUS_CHOICES = [1, 2, 5, 10, 20] as const;
export const DEFAULT_RADIUS = 5;
export const PAGE_SIZE = 10;
const SORTS: readonly SearchSort[] = ['distance', 'rating', 'price'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `HH:mm`, 24-hour: what the API takes for from and to. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The hours the "When do you need care?" fields start with. */
export const DEFAULT_CARE_HOURS = { from: '08:00', to: '18:00' } as const;
/** How many weeks ahead the API looks for a week that fits (its CARE_WEEKS). */
export const CARE_WEEKS = 4;

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const positive = (value: string | null): number | null => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : null;
};

/** What is wrong with the care times for the chosen days, on which field; null when fine or no day is chosen. */
export function careTimesProblem(
  days: readonly Weekday[],
  from: string,
  to: string,
): { field: 'from' | 'to'; message: string } | null {
  if (days.length === 0) return null;
  if (!HH_MM.test(from)) return { field: 'from', message: 'Enter the time care starts, such as 08:00' };
  if (!HH_MM.test(to)) return { field: 'to', message: 'Enter the time care ends, such as 18:00' };
  if (to <= from) return { field: 'to', message: 'Care must end after it starts, on the same day' };
  return null;
}

/** `days=monday,wednesday&from=08:00&to=18:00`: all three, or no care filter at all. */
function careFromParams(params: Pick<ParamMap, 'get'>): CareNeeded | null {
  const asked = list(params.get('days'));
  const days = WEEKDAYS.filter((d) => asked.includes(d));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (days.length === 0 || careTimesProblem(days, from, to)) return null;
  return { days, from, to };
}

/** "Mon, Wed 08:00–18:00", for the results heading. */
export function describeCare(care: CareNeeded): string {
  const days = care.days.map((d) => WEEKDAY_LABELS[d].slice(0, 3)).join(', ');
  return `${days} ${care.from}–${care.to}`;
}

/**
 * The search lives in the URL (`/search?postcode=M20&radius=5&services=meals`), so a search
 * can be shared, bookmarked and returned to with the back button. Unknown values are dropped.
 */
export function criteriaFromParams(params: Pick<ParamMap, 'get'>): SearchCriteria | null {
  const postcode = params.get('postcode')?.trim();
  if (!postcode) return null;
  const funded = Number(params.get('fundedHours'));
  const sort = params.get('sort') as SearchSort;
  return {
    postcode,
    radiusMiles: Math.min(positive(params.get('radius')) ?? DEFAULT_RADIUS, 50),
    maxHourlyRate: positive(params.get('maxRate')),
    services: list(params.get('services')).filter((s): s is ChildminderServiceCode =>
      SERVICES.includes(s as ChildminderServiceCode),
    ),
    languages: list(params.get('languages')),
    fundedHours: funded === 15 || funded === 30 ? funded : null,
    specialNeeds: params.get('specialNeeds') === 'true',
    verifiedOnly: params.get('verified') === 'true',
    minRating: positive(params.get('minRating')),
    ageOfChildren: list(params.get('children')).filter((d) => ISO_DATE.test(d)),
    care: careFromParams(params),
    sort: SORTS.includes(sort) ? sort : 'distance',
    page: Math.floor(positive(params.get('page')) ?? 1),
    pageSize: PAGE_SIZE,
  };
}

/** The inverse of criteriaFromParams, leaving defaults out to keep URLs short. */
export function paramsFromCriteria(criteria: SearchCriteria): Params {
  return {
    postcode: criteria.postcode,
    radius: criteria.radiusMiles === DEFAULT_RADIUS ? null : criteria.radiusMiles,
    maxRate: criteria.maxHourlyRate,
    services: criteria.services.join(',') || null,
    languages: criteria.languages.join(',') || null,
    fundedHours: criteria.fundedHours,
    specialNeeds: criteria.specialNeeds || null,
    verified: criteria.verifiedOnly || null,
    minRating: criteria.minRating,
    children: criteria.ageOfChildren.join(',') || null,
    days: criteria.care?.days.join(',') ?? null,
    from: criteria.care?.from ?? null,
    to: criteria.care?.to ?? null,
    sort: criteria.sort === 'distance' ? null : criteria.sort,
    page: criteria.page > 1 ? criteria.page : null,
  };
}
