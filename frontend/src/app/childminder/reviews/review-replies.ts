import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { Review, ReviewPage } from '@core/api/api-types';
import { hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChildmindersApi } from '../../search/childminders-api';

const PAGE_SIZE = 20;

/** `/childminder/reviews`: the reviews parents left, and a reply to each (once). */
@Component({
  selector: 'app-review-replies',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/childminder">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to your dashboard
      </a>
      <h1>Reviews</h1>
      <p class="muted">
        Parents review a booking once it is completed. You can reply once to each review; replies are public.
      </p>
      @if (error(); as message) {
        <app-error-state title="We couldn't load your reviews" [message]="message" (retry)="load()" />
      } @else if (page(); as page) {
        @if (page.items.length) {
          <p>
            <strong>{{ page.ratingAverage?.toFixed(1) }}</strong> out of 5 from {{ page.ratingCount }}
            {{ page.ratingCount === 1 ? 'review' : 'reviews' }}
          </p>
          <ul class="reviews" aria-label="Reviews">
            @for (review of page.items; track review.id) {
              <li class="review card-surface">
                <p class="review__head">
                  <strong>{{ review.rating }} / 5</strong> from {{ review.parentFirstName }}
                  <span class="muted">· {{ review.createdAt | ukDate: 'date' }}</span>
                </p>
                @if (review.text) {
                  <p class="review__text">{{ review.text }}</p>
                }
                @if (review.reply; as reply) {
                  <p class="review__reply"><strong>Your reply:</strong> {{ reply.text }}</p>
                } @else {
                  <form (ngSubmit)="replyTo(review)" class="reply">
                    <mat-form-field appearance="outline" class="reply__text">
                      <mat-label>Reply to {{ review.parentFirstName }}</mat-label>
                      <textarea
                        matInput
                        rows="2"
                        maxlength="2000"
                        [name]="'reply-' + review.id"
                        [(ngModel)]="drafts[review.id]"
                      ></textarea>
                    </mat-form-field>
                    <button mat-stroked-button type="submit" [disabled]="busyId() === review.id">
                      Publish reply <span class="visually-hidden">to {{ review.parentFirstName }}</span>
                    </button>
                  </form>
                }
              </li>
            }
          </ul>
        } @else {
          <app-empty-state icon="rate_review" title="No reviews yet">
            <p>Parents can review a booking with you once it has been completed.</p>
          </app-empty-state>
        }
      } @else {
        <app-loading-state label="Loading your reviews…" />
      }
    </div>
  `,
  styles: `
    .reviews {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    .review {
      padding: 16px;
    }
    .review__head,
    .review__text,
    .review__reply {
      margin: 0 0 8px;
    }
    .review__text {
      white-space: pre-line;
    }
    .reply {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
    }
    .reply__text {
      flex: 1;
      min-width: 220px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewReplies {
  private readonly api = inject(ApiClient);
  private readonly childminders = inject(ChildmindersApi);
  private readonly notifier = inject(Notifier);

  protected readonly page = signal<ReviewPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly drafts: Record<string, string> = {};
  private profileId: string | null = null;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.error.set(null);
    this.page.set(null);
    this.childminders.ownProfile().subscribe({
      next: (profile) => {
        this.profileId = profile.id;
        this.api
          .get('/api/childminders/{id}/reviews', { path: { id: profile.id }, query: { pageSize: PAGE_SIZE } })
          .subscribe({
            next: (page) => this.page.set(page),
            error: (error: unknown) => this.error.set(toApiProblem(error).message),
          });
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        // Without a listed profile there can be no reviews yet.
        if (hasErrorCode(problem, 'CHILDMINDER_PROFILE_NOT_STARTED')) {
          this.page.set({ items: [], total: 0, page: 1, pageSize: PAGE_SIZE, ratingAverage: null, ratingCount: 0 });
        } else {
          this.error.set(problem.message);
        }
      },
    });
  }

  protected replyTo(review: Review): void {
    const text = (this.drafts[review.id] ?? '').trim();
    if (!text) {
      this.notifier.error('Write your reply first.');
      return;
    }
    if (!this.profileId || this.busyId()) return;
    this.busyId.set(review.id);
    this.api
      .post('/api/childminders/{id}/reviews/{reviewId}/reply', {
        path: { id: this.profileId, reviewId: review.id },
        body: { text },
      })
      .subscribe({
        next: (updated) => {
          this.busyId.set(null);
          this.page.update((page) =>
            page ? { ...page, items: page.items.map((r) => (r.id === updated.id ? updated : r)) } : page,
          );
          this.notifier.success('Your reply is published.');
        },
        error: (error: unknown) => {
          this.busyId.set(null);
          this.notifier.error(toApiProblem(error).message);
        },
      });
  }
}
