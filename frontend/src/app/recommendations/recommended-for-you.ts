import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { Subscription } from 'rxjs';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { RecommendationPage } from '@core/api/api-types';
import { type ApiProblem, toApiProblem } from '@core/errors/api-error';
import { formatDistance, formatHourlyRate } from '../search/childminder-labels';
import { RecommendationsApi } from './recommendations-api';

/**
 * "Recommended for you": a few childminders for the signed-in parent, each with a match score
 * and the reasons in words. Opening one records the click, which is how the recommender learns.
 * Shown on the parent dashboard (their own postcode) and above search results (the searched one).
 */
@Component({
  selector: 'app-recommended-for-you',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="recommended" aria-labelledby="recommended-title">
      <h2 id="recommended-title">Recommended for you</h2>
      @if (error(); as problem) {
        <div role="alert" class="recommended__error">
          <p>We couldn't load your recommendations: {{ problem.message }}</p>
          <button mat-stroked-button type="button" (click)="load()">Try again</button>
        </div>
      } @else if (page(); as p) {
        @if (p.needs === 'postcode') {
          <p class="muted recommended__needs-postcode">
            Add your postcode to <a routerLink="/account">your account</a> and we'll suggest childminders near you.
          </p>
        } @else if (p.items.length) {
          <p class="muted recommended__how">
            The match is how likely a family like yours is to choose her over the others near
            {{ p.origin?.outcode }}, learned from what families open and book. Featured childminders pay to be shown a
            little higher; their match is not changed.
          </p>
          <ul class="recommended__list">
            @for (minder of p.items; track minder.id) {
              <li>
                <article class="pick card-surface" [attr.aria-labelledby]="'pick-' + minder.id">
                  <div class="pick__top">
                    <h3 [id]="'pick-' + minder.id">
                      <a [routerLink]="['/childminders', minder.id]" (click)="opened(minder.recommendationId)">{{
                        minder.displayName
                      }}</a>
                    </h3>
                    @if (minder.featured) {
                      <span class="pick__featured">Featured</span>
                    }
                  </div>
                  <p class="pick__match">
                    <span class="pick__score">{{ minder.matchScore }}% match</span>
                    <span class="pick__bar" aria-hidden="true"
                      ><span class="pick__fill" [style.width.%]="minder.matchScore"></span
                    ></span>
                  </p>
                  <p class="muted pick__place">
                    {{ minder.town ? minder.town + ', ' : '' }}{{ minder.postcodeDistrict }} ·
                    {{ formatDistance(minder.distanceMiles) }} · {{ formatHourlyRate(minder.hourlyRatePence) }}
                  </p>
                  <ul class="pick__reasons" aria-label="Why we suggest her">
                    @for (reason of minder.reasons; track reason) {
                      <li>
                        <mat-icon aria-hidden="true">check</mat-icon>
                        {{ reason }}
                      </li>
                    }
                  </ul>
                </article>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">No childminders near {{ p.origin?.outcode }} yet. Try a search with a wider distance.</p>
        }
      } @else {
        <p class="muted" role="status">Finding childminders for you…</p>
      }
    </section>
  `,
  styles: `
    .recommended h2 {
      margin: 0 0 4px;
    }
    .recommended__how {
      margin: 0 0 12px;
      max-width: 70ch;
    }
    .recommended__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
    }
    .pick {
      padding: 12px 16px;
      height: 100%;
      box-sizing: border-box;
    }
    .pick__top {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 8px;
    }
    .pick h3 {
      margin: 0;
      font-size: 1.05rem;
    }
    .pick__featured {
      font-size: 0.75rem;
      padding: 2px 8px;
      border-radius: 999px;
      border: 1px solid var(--mat-sys-outline);
      white-space: nowrap;
    }
    .pick__match {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0 4px;
    }
    .pick__score {
      font-weight: 600;
      white-space: nowrap;
    }
    .pick__bar {
      flex: 1;
      height: 6px;
      border-radius: 3px;
      background: var(--mat-sys-surface-variant);
      overflow: hidden;
    }
    .pick__fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .pick__place {
      margin: 0 0 8px;
    }
    .pick__reasons {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .pick__reasons li {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      margin: 2px 0;
    }
    .pick__reasons mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--mat-sys-primary);
      flex: none;
    }
    .recommended__error {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
  `,
})
export class RecommendedForYou {
  private readonly api = inject(RecommendationsApi);

  /** Where to look: a searched postcode; none means the parent's own. */
  readonly postcode = input<string | null>(null);
  /** How many to show. */
  readonly count = input(4);

  protected readonly page = signal<RecommendationPage | null>(null);
  protected readonly error = signal<ApiProblem | null>(null);
  protected readonly formatDistance = formatDistance;
  protected readonly formatHourlyRate = formatHourlyRate;

  private running: Subscription | null = null;

  constructor() {
    effect(() => {
      const postcode = this.postcode();
      const pageSize = this.count();
      untracked(() => this.fetch(postcode, pageSize));
    });
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected load(): void {
    this.fetch(this.postcode(), this.count());
  }

  /** An answer for an earlier postcode that is still on its way is dropped. */
  private fetch(postcode: string | null, pageSize: number): void {
    this.running?.unsubscribe();
    this.page.set(null);
    this.error.set(null);
    this.running = this.api.forMe({ postcode, pageSize }).subscribe({
      next: (page) => this.page.set(page),
      error: (error: unknown) => this.error.set(toApiProblem(error)),
    });
  }

  protected opened(recommendationId: string | null): void {
    if (recommendationId) this.api.recordClick(recommendationId);
  }
}
