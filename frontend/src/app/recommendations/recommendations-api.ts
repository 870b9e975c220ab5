import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { RecommendationPage } from '@core/api/api-types';

/** The signed-in parent's recommendations, and the clicks that teach the recommender. */
@Injectable({ providedIn: 'root' })
export class RecommendationsApi {
  private readonly api = inject(ApiClient);

  /** For the given postcode, or the parent's own when none is given. */
  forMe(options: { postcode?: string | null; pageSize: number }): Observable<RecommendationPage> {
    return this.api.get('/api/recommendations', {
      query: { pageSize: options.pageSize, postcode: options.postcode || undefined },
    });
  }

  /** Fire and forget: a lost click must never stop the parent opening the profile. */
  recordClick(recommendationId: string): void {
    this.api.post('/api/recommendations/click', { body: { recommendationId } }).subscribe({ error: () => undefined });
  }
}
