import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ChildminderProfile,
  ChildminderSearchPage,
  FavoriteChildminderPage,
  FavoriteStatus,
  OwnChildminderProfile,
  SearchCriteria,
  UpdateChildminderProfileRequest,
} from './childminder-types';

const BASE = '/api/childminders';
const OWN_PROFILE = '/api/user/childminder-profile';

/** Only the criteria that narrow the search become query parameters. */
export function searchParams(criteria: SearchCriteria): HttpParams {
  let params = new HttpParams()
    .set('postcode', criteria.postcode)
    .set('radiusMiles', criteria.radiusMiles)
    .set('sort', criteria.sort)
    .set('page', criteria.page)
    .set('pageSize', criteria.pageSize);
  if (criteria.maxHourlyRate) params = params.set('maxHourlyRate', criteria.maxHourlyRate);
  if (criteria.services.length) params = params.set('services', criteria.services.join(','));
  if (criteria.languages.length) params = params.set('languages', criteria.languages.join(','));
  if (criteria.fundedHours) params = params.set('fundedHours', criteria.fundedHours);
  if (criteria.specialNeeds) params = params.set('specialNeeds', true);
  if (criteria.verifiedOnly) params = params.set('verifiedOnly', true);
  if (criteria.minRating) params = params.set('minRating', criteria.minRating);
  if (criteria.ageOfChildren.length) params = params.set('ageOfChildren', criteria.ageOfChildren.join(','));
  if (criteria.care) {
    params = params
      .set('days', criteria.care.days.join(','))
      .set('from', criteria.care.from)
      .set('to', criteria.care.to);
  }
  return params;
}

/** Childminder profiles, the search, favourites and the childminder's own profile. */
@Injectable({ providedIn: 'root' })
export class ChildmindersApi {
  private readonly http = inject(HttpClient);

  search(criteria: SearchCriteria): Observable<ChildminderSearchPage> {
    return this.http.get<ChildminderSearchPage>(`${BASE}/search`, { params: searchParams(criteria) });
  }

  get(id: string): Observable<ChildminderProfile> {
    return this.http.get<ChildminderProfile>(`${BASE}/${encodeURIComponent(id)}`);
  }

  /** A parent has few favourites; one page of 100 answers "is this one of them?". */
  favorites(): Observable<FavoriteChildminderPage> {
    return this.http.get<FavoriteChildminderPage>(`${BASE}/favorites`, {
      params: new HttpParams().set('pageSize', 100),
    });
  }

  addFavorite(id: string): Observable<FavoriteStatus> {
    return this.http.post<FavoriteStatus>(`${BASE}/${encodeURIComponent(id)}/favorite`, {});
  }

  removeFavorite(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}/favorite`);
  }

  ownProfile(): Observable<OwnChildminderProfile> {
    return this.http.get<OwnChildminderProfile>(OWN_PROFILE);
  }

  updateOwnProfile(body: UpdateChildminderProfileRequest): Observable<OwnChildminderProfile> {
    return this.http.patch<OwnChildminderProfile>(OWN_PROFILE, body);
  }
}
