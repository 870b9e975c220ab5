import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { Review, ReviewPage } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';

const PAGE_SIZE = 5;

/** A childminder's reviews on her public profile: newest first, with her replies, five at a time. */
@Component({
  selector: 'app-profile-reviews',
  imports: [MatButtonModule, MatIconModule, UkDatePipe],
  template: `
    @if (error(); as message) {
      <p class="muted" role="alert">{{ message }}</p>
    } @else if (page(); as page) {
      @if (reviews().length) {
        <p class="summary">
          <mat-icon class="star" aria-hidden="true">star</mat-icon>
          <strong>{{ page.ratingAverage?.toFixed(1) }}</strong> out of 5 from {{ page.ratingCount }}
          {{ page.ratingCount === 1 ? 'review' : 'reviews' }} of completed bookings
        </p>
        <ul class="reviews" aria-label="Reviews">
          @for (review of reviews(); track review.id) {
            <li class="review">
              <p class="review__head">
                <span class="stars" role="img" [attr.aria-label]="review.rating + ' out of 5 stars'">
                  @for (n of stars; track n) {
                    <mat-icon aria-hidden="true" [class.off]="n > review.rating">star</mat-icon>
                  }
                </span>
                <strong>{{ review.parentFirstName }}</strong>
                <span class="muted">· {{ review.createdAt | ukDate: 'date' }}</span>
              </p>
              @if (review.text) {
                <p class="review__text">{{ review.text }}</p>
              }
              @if (review.reply; as reply) {
                <div class="review__reply">
                  <strong>Reply from the childminder</strong>
                  <p>{{ reply.text }}</p>
                </div>
              }
            </li>
          }
        </ul>
        @if (reviews().length < page.total) {
          <button mat-stroked-button type="button" [disabled]="loading()" (click)="loadMore()">
            Show more reviews
          </button>
        }
      } @else if (page.ratingCount > 0) {
        <p class="muted">
          Rated {{ page.ratingAverage?.toFixed(1) }} out of 5 by {{ page.ratingCount }} parents; written reviews appear
          here as parents leave them.
        </p>
      } @else {
        <p class="muted">No reviews yet. Parents can review a booking once it has been completed.</p>
      }
    } @else {
      <p class="muted" aria-live="polite">Loading reviews…</p>
    }
  `,
  styles: `
    .summary {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 0 0 12px;
    }
    .star,
    .stars mat-icon {
      color: #8a5a00;
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .stars mat-icon.off {
      color: var(--mat-sys-outline-variant);
    }
    .stars {
      display: inline-flex;
    }
    .reviews {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .review {
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .review__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin: 0;
    }
    .review__text {
      margin: 6px 0 0;
      white-space: pre-line;
    }
    .review__reply {
      margin: 8px 0 0 16px;
      padding-left: 12px;
      border-left: 3px solid var(--mat-sys-primary);
      p {
        margin: 4px 0 0;
        white-space: pre-line;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileReviews {
  private readonly api = inject(ApiClient);

  readonly childminderId = input.required<string>();

  protected readonly stars = [1, 2, 3, 4, 5];
  protected readonly page = signal<ReviewPage | null>(null);
  protected readonly reviews = signal<readonly Review[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.childminderId();
      this.page.set(null);
      this.reviews.set([]);
      this.fetch(id, 1);
    });
  }

  protected loadMore(): void {
    const page = this.page();
    if (page) this.fetch(this.childminderId(), page.page + 1);
  }

  private fetch(id: string, pageNumber: number): void {
    this.loading.set(true);
    const query = { page: pageNumber, pageSize: PAGE_SIZE };
    this.api.get('/api/childminders/{id}/reviews', { path: { id }, query }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.page.set(page);
        this.reviews.update((list) => [...list, ...page.items]);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(`We couldn't load the reviews: ${toApiProblem(error).message}`);
      },
    });
  }
}
