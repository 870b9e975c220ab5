import type { ParamMap, Params } from '@angular/router';
import { SERVICES } from './childminder-labels';
import type { ChildminderServiceCode, SearchCriteria, SearchSort } from './childminder-types';

export const RADIUS_CHOICES = [1, 2, 5, 10, 20] as const;
export const DEFAULT_RADIUS = 5;
export const PAGE_SIZE = 10;
const SORTS: readonly SearchSort[] = ['distance', 'rating', 'price'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const positive = (value: string | null): number | null => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : null;
};

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
    sort: criteria.sort === 'distance' ? null : criteria.sort,
    page: criteria.page > 1 ? criteria.page : null,
  };
}
