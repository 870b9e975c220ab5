import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

const TEXT_MAX = 2000;

/** Review a completed booking: 1-5 stars and a few words, once. */
@Component({
  selector: 'app-review-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, FormAlert],
  template: `
    @if (done(); as message) {
      <p role="status">{{ message }}</p>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submitReview()" novalidate>
        <app-form-alert [message]="error()" />
        <fieldset class="stars">
          <legend>Your rating</legend>
          @for (n of stars; track n) {
            <label>
              <input type="radio" formControlName="rating" [value]="n" />
              {{ n }} {{ n === 1 ? 'star' : 'stars' }}
            </label>
          }
        </fieldset>
        <mat-form-field appearance="outline" class="text">
          <mat-label>What was it like? (optional)</mat-label>
          <textarea matInput formControlName="text" rows="3" [maxlength]="textMax"></textarea>
          <mat-hint align="end">{{ form.controls.text.value.length }} / {{ textMax }}</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">Publish review</button>
      </form>
    }
  `,
  styles: `
    .stars {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      border: 0;
      padding: 0;
      margin: 0 0 12px;
      legend {
        font: var(--mat-sys-title-small);
        margin-bottom: 4px;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        min-height: 32px;
      }
    }
    .text {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewForm {
  private readonly api = inject(ApiClient);

  /** The childminder's profile id and the completed booking being reviewed. */
  readonly profileId = input.required<string>();
  readonly bookingId = input.required<string>();

  protected readonly stars = [1, 2, 3, 4, 5];
  protected readonly textMax = TEXT_MAX;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly form = new FormGroup({
    rating: new FormControl<number | null>(null, Validators.required),
    text: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
  });

  protected submitReview(): void {
    const { rating, text } = this.form.getRawValue();
    if (rating === null) {
      this.error.set('Choose a rating from 1 to 5 stars.');
      return;
    }
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .post('/api/childminders/{id}/reviews', {
        path: { id: this.profileId() },
        body: {
          bookingId: this.bookingId(),
          rating: Number(rating),
          ...(text.trim() ? { text: text.trim() } : {}),
        },
      })
      .subscribe({
        next: () => this.done.set('Thank you: your review is on the childminder’s profile.'),
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toApiProblem(error);
          if (hasErrorCode(problem, 'REVIEW_EXISTS'))
            this.done.set('You have already reviewed this booking. Thank you!');
          else this.error.set(problem.message);
        },
      });
  }
}
