/** The childminders API's shapes, from the generated OpenAPI types (core/api/api-types.ts). */
export type {
  ChildminderProfile,
  ChildminderSearchPage,
  ChildminderSearchResult,
  ChildminderSummary,
  FavoriteChildminderPage,
  FavoriteStatus,
  OwnChildminderProfile,
  UpdateChildminderProfileRequest,
} from '@core/api/api-types';
import type { ChildminderProfile, ChildminderSearchResult } from '@core/api/api-types';

export type AgeGroup = ChildminderSearchResult['ageGroups'][number];
export type ChildminderServiceCode = ChildminderSearchResult['services'][number];
export type SearchSort = 'distance' | 'rating' | 'price';
export type Inspection = NonNullable<ChildminderProfile['inspection']>;
export type OpeningHours = ChildminderProfile['openingHours'];
export type Weekday = keyof OpeningHours;

/** The care a family needs each week, in UK time; matched against childminders' availability. */
export interface CareNeeded {
  /** In week order, Monday first. */
  days: Weekday[];
  /** `HH:mm`, 24-hour. */
  from: string;
  /** `HH:mm`, after `from`. */
  to: string;
}

/** What the search page asks for; mirrors `GET /api/childminders/search`'s query. */
export interface SearchCriteria {
  postcode: string;
  radiusMiles: number;
  maxHourlyRate: number | null;
  services: ChildminderServiceCode[];
  languages: string[];
  fundedHours: 15 | 30 | null;
  specialNeeds: boolean;
  /** Only childminders whose compliance documents are approved and in date. */
  verifiedOnly: boolean;
  minRating: number | null;
  ageOfChildren: string[];
  /** Days and hours needed (all or nothing), or null for any time. */
  care: CareNeeded | null;
  sort: SearchSort;
  page: number;
  pageSize: number;
}
