import { distanceMiles, EARTH_RADIUS_MILES, GeoPoint } from '@app/modules/geo/geo-math';

export enum SearchSort {
  Distance = 'distance',
  Rating = 'rating',
  Price = 'price',
}

/** The columns the ranking rules read (the search index holds all of them). */
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
 * The ranking rules, written in code: keeps the candidates within `radiusMiles` of `origin` and
 * orders them; ties fall back to distance and then id, so paging is stable. The search runs the
 * same rules in SQL (SQL_ORDERS below); this is the reference they are checked against
 * (test/api/childminders/search-in-sql.api-spec.ts).
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

/**
 * The same ranking in SQL, so that the database filters, orders and pages (only the page's rows
 * are read). `closeness` is the haversine formula's h for the row, which grows with the distance
 * (distance = 2R asin(sqrt h)): ordering by it is ordering by distance, and the radius becomes
 * `closeness <= sin²(radius / 2R)`. Both dialects have the functions (SQLite's math functions,
 * built into better-sqlite3). Distances shown are still computed by distanceMiles on the page.
 */
export const CLOSENESS_SQL =
  'POWER(SIN(RADIANS(profile.latitude - :originLatitude) / 2), 2) + ' +
  ':cosOriginLatitude * COS(RADIANS(profile.latitude)) * POWER(SIN(RADIANS(profile.longitude - :originLongitude) / 2), 2)';

export function closenessParams(origin: GeoPoint, radiusMiles: number) {
  return {
    originLatitude: origin.latitude,
    originLongitude: origin.longitude,
    cosOriginLatitude: Math.cos((origin.latitude * Math.PI) / 180),
    maxCloseness: Math.sin(Math.min(Math.PI / 2, radiusMiles / (2 * EARTH_RADIUS_MILES))) ** 2,
  };
}

/** The alias the ranking query selects CLOSENESS_SQL as. */
export const CLOSENESS_ALIAS = 'closeness';

type SqlOrder = [expression: string, direction: 'ASC' | 'DESC'];
const SQL_BY_DISTANCE: SqlOrder[] = [[CLOSENESS_ALIAS, 'ASC']];
// The same fallbacks as `rating` and `price` above: unrated and unpriced sort last.
const SQL_BY_RATING: SqlOrder[] = [
  ['COALESCE(profile.ratingAverage, -1)', 'DESC'],
  ['profile.ratingCount', 'DESC'],
];
const SQL_BY_PRICE: SqlOrder[] = [[`COALESCE(profile.hourlyRatePence, ${Number.MAX_SAFE_INTEGER})`, 'ASC']];
const SQL_BY_ID: SqlOrder[] = [['profile.id', 'ASC']];

/** ORDERS as ORDER BY terms, in the same order of precedence. */
export const SQL_ORDERS: Record<SearchSort, SqlOrder[]> = {
  [SearchSort.Distance]: [...SQL_BY_DISTANCE, ...SQL_BY_RATING, ...SQL_BY_ID],
  [SearchSort.Rating]: [...SQL_BY_RATING, ...SQL_BY_DISTANCE, ...SQL_BY_ID],
  [SearchSort.Price]: [...SQL_BY_PRICE, ...SQL_BY_DISTANCE, ...SQL_BY_ID],
};
