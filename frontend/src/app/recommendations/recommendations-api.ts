import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { RecommendationPage } from '@core/api/api-types';

const BASE = '/api/recommendations';

/** The signed-in parent's recommendations, and the clicks that teach the recommender. */
@Injectable({ providedIn: 'root' })
export class RecommendationsApi {
  private readonly http = inject(HttpClient);

  /** For the given postcode, or the parent's own when none is given. */
  forMe(options: { postcode?: string | null; pageSize: number }): Observable<RecommendationPage> {
    let params = new HttpParams().set('pageSize', options.pageSize);
    if (options.postcode) params = params.set('postcode', options.postcode);
    return this.http.get<RecommendationPage>(BASE, { params });
  }

  /** Fire and forget: a lost click must never stop the parent opening the profile. */
  recordClick(recommendationId: string): void {
    this.http.post<void>(`${BASE}/click`, { recommendationId }).subscribe({ error: () => undefined });
  }
}
