import type { HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type ApiQuery, apiParams } from '@core/api/api-client';
import type {
  ChildminderProfile,
  ChildminderSearchPage,
  FavoriteChildminderPage,
  FavoriteStatus,
  OwnChildminderProfile,
  SearchCriteria,
  UpdateChildminderProfileRequest,
} from './childminder-types';

type SearchQuery = ApiQuery<'/api/childminders/search', 'get'>;
type ListKey = 'services' | 'languages' | 'ageOfChildren' | 'days';

/** Only the criteria that narrow the search become query parameters. */
export function searchQuery(criteria: SearchCriteria): SearchQuery {
  const list = (values: readonly string[]) => (values.length ? values.join(',') : undefined);
  return {
    postcode: criteria.postcode,
    radiusMiles: criteria.radiusMiles,
    sort: criteria.sort,
    page: criteria.page,
    pageSize: criteria.pageSize,
    maxHourlyRate: criteria.maxHourlyRate || undefined,
    services: list(criteria.services),
    languages: list(criteria.languages),
    fundedHours: criteria.fundedHours || undefined,
    specialNeeds: criteria.specialNeeds || undefined,
    verifiedOnly: criteria.verifiedOnly || undefined,
    minRating: criteria.minRating || undefined,
    ageOfChildren: list(criteria.ageOfChildren),
    days: criteria.care ? criteria.care.days.join(',') : undefined,
    from: criteria.care?.from,
    to: criteria.care?.to,
    // The lists go comma-separated in one parameter, which the server reads as the document's arrays.
  } as Omit<SearchQuery, ListKey> as SearchQuery;
}

/** The search's query string, as the search page's address shows it. */
export const searchParams = (criteria: SearchCriteria): HttpParams => apiParams(searchQuery(criteria));

/** Childminder profiles, the search, favourites and the childminder's own profile. */
@Injectable({ providedIn: 'root' })
export class ChildmindersApi {
  private readonly api = inject(ApiClient);

  search(criteria: SearchCriteria): Observable<ChildminderSearchPage> {
    return this.api.get('/api/childminders/search', { query: searchQuery(criteria) });
  }

  get(id: string): Observable<ChildminderProfile> {
    return this.api.get('/api/childminders/{id}', { path: { id } });
  }

  /** A parent has few favourites; one page of 100 answers "is this one of them?". */
  favorites(): Observable<FavoriteChildminderPage> {
    return this.api.get('/api/childminders/favorites', { query: { pageSize: 100 } });
  }

  addFavorite(id: string): Observable<FavoriteStatus> {
    return this.api.post('/api/childminders/{id}/favorite', { path: { id } });
  }

  removeFavorite(id: string): Observable<void> {
    return this.api.delete('/api/childminders/{id}/favorite', { path: { id } });
  }

  ownProfile(): Observable<OwnChildminderProfile> {
    return this.api.get('/api/user/childminder-profile');
  }

  updateOwnProfile(body: UpdateChildminderProfileRequest): Observable<OwnChildminderProfile> {
    return this.api.patch('/api/user/childminder-profile', { body });
  }
}
