import { distanceMiles, GeoPoint } from '@app/modules/geo/geo-math';

export enum SearchSort {
  Distance = 'distance',
  Rating = 'rating',
  Price = 'price',
}

/** The columns the ranking needs: the search reads only these for every row in the bounding box. */
export interface SearchCandidate extends GeoPoint {
  id: string;
  /** The childminder's user: compliance (verified only, hidden non-compliant) is per user. */
  userId: string;
  hourlyRatePence: number | null;
  ratingAverage: number | null;
  ratingCount: number;
}

export interface RankedCandidate {
  id: string;
  /** Exact great-circle distance from the search origin, in miles. */
  distanceMiles: number;
}

/** Distances are shown to one decimal place: the origin is a district centroid anyway. */
export const roundMiles = (miles: number) => Math.round(miles * 10) / 10;

/** Unrated childminders sort after rated ones, whatever the direction. */
const rating = (c: SearchCandidate) => c.ratingAverage ?? -1;
const price = (c: SearchCandidate) => c.hourlyRatePence ?? Number.MAX_SAFE_INTEGER;

type Compare = (a: SearchCandidate & RankedCandidate, b: SearchCandidate & RankedCandidate) => number;
const byDistance: Compare = (a, b) => a.distanceMiles - b.distanceMiles;
const byRating: Compare = (a, b) => rating(b) - rating(a) || b.ratingCount - a.ratingCount;
const byPrice: Compare = (a, b) => price(a) - price(b);
const byId: Compare = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const ORDERS: Record<SearchSort, Compare[]> = {
  [SearchSort.Distance]: [byDistance, byRating, byId],
  [SearchSort.Rating]: [byRating, byDistance, byId],
  [SearchSort.Price]: [byPrice, byDistance, byId],
};

/**
 * The exact step after the SQL bounding box: keeps the candidates within `radiusMiles` of
 * `origin` (the box's corners are farther than the radius) and orders them. Ties fall back to
 * distance and then id, so paging is stable.
 */
export function rankSearchResults(
  candidates: readonly SearchCandidate[],
  origin: GeoPoint,
  radiusMiles: number,
  sort: SearchSort,
): RankedCandidate[] {
  const orders = ORDERS[sort];
  return candidates
    .map((c) => ({ ...c, distanceMiles: distanceMiles(origin, c) }))
    .filter((c) => c.distanceMiles <= radiusMiles)
    .sort((a, b) => {
      for (const compare of orders) {
        const result = compare(a, b);
        if (result !== 0) return result;
      }
      return 0;
    })
    .map(({ id, distanceMiles: miles }) => ({ id, distanceMiles: miles }));
}

/** The rating a recommendation believes: few reviews pull the average towards the prior. */
export const RATING_PRIOR = 4;
export const RATING_PRIOR_WEIGHT = 3;
export function believableRating(average: number | null, count: number): number {
  if (average === null || count <= 0) return RATING_PRIOR;
  return (average * count + RATING_PRIOR * RATING_PRIOR_WEIGHT) / (count + RATING_PRIOR_WEIGHT);
}

/** How much nearness counts against rating in a recommendation (0-1). */
export const NEARNESS_WEIGHT = 0.35;

/**
 * What a Pro plan ("featured in recommendations") adds to the score (which runs 0-1): enough
 * to lift a featured childminder over a similar one, not over a much nearer or better one.
 */
export const FEATURED_BOOST = 0.1;

/**
 * "Near and well rated": a score from the believable rating (out of 5) and nearness (1 at the
 * origin, 0 at the radius), highest first. A 5-star childminder with one review does not beat a
 * 4.8 with forty; a slightly better rating does not beat one round the corner by much.
 * Free places join the score when availability and bookings exist. Childminders in `featured`
 * (user ids on a plan with `recommendations.featured`) get FEATURED_BOOST.
 */
export function rankRecommended(
  candidates: readonly SearchCandidate[],
  origin: GeoPoint,
  radiusMiles: number,
  featured: ReadonlySet<string> = new Set(),
): (RankedCandidate & { score: number })[] {
  return candidates
    .map((c) => {
      const miles = distanceMiles(origin, c);
      const nearness = radiusMiles > 0 ? Math.max(0, 1 - miles / radiusMiles) : 1;
      const score =
        (1 - NEARNESS_WEIGHT) * (believableRating(c.ratingAverage, c.ratingCount) / 5) +
        NEARNESS_WEIGHT * nearness +
        (featured.has(c.userId) ? FEATURED_BOOST : 0);
      return { id: c.id, distanceMiles: miles, score };
    })
    .filter((c) => c.distanceMiles <= radiusMiles)
    .sort((a, b) => b.score - a.score || a.distanceMiles - b.distanceMiles || (a.id < b.id ? -1 : 1));
}
