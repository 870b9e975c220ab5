import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { toApiProblem } from '@core/errors/api-error';
import { UpgradePrompt } from '@shared/upgrade-prompt/upgrade-prompt';
import {
  BOOKING_LIMITS,
  type ProblemGroup,
  formGap,
  refusalGroups,
  toBookingUpdate,
  toUkWallClock,
} from './booking-rules';
import type { Booking } from '@core/api/api-types';
import { BookingsApi } from './bookings-api';

export interface ModifyBookingData {
  booking: Booking;
}

/** Changes the times, weeks or notes of a pending request; the rules are checked again. */
@Component({
  selector: 'app-modify-booking-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  template: `
    <h2 mat-dialog-title>Change your request</h2>
    <form [formGroup]="form" (ngSubmit)="saveChanges()" novalidate>
      <mat-dialog-content>
        <div role="alert">
          @if (error(); as e) {
            <div class="alert-box">
              <p>
                <strong>{{ e.message }}</strong>
              </p>
              @for (group of e.groups; track group.code) {
                <p>{{ group.title }}</p>
                <ul>
                  @for (message of group.messages; track $index) {
                    <li>{{ message }}</li>
                  }
                </ul>
              }
            </div>
          }
        </div>
        <p class="muted">UK time. {{ weeks > 1 ? 'The same change applies to every week.' : '' }}</p>
        <div class="when">
          <mat-form-field>
            <mat-label>{{ weeks > 1 ? 'First date' : 'Date' }}</mat-label>
            <input matInput type="date" formControlName="date" required />
          </mat-form-field>
          <mat-form-field>
            <mat-label>Start</mat-label>
            <input matInput type="time" formControlName="start" step="900" required />
          </mat-form-field>
          <mat-form-field>
            <mat-label>End</mat-label>
            <input matInput type="time" formControlName="end" step="900" required />
          </mat-form-field>
          @if (weeks > 1) {
            <mat-form-field>
              <mat-label>Number of weeks</mat-label>
              <input matInput type="number" formControlName="weeks" min="2" [max]="limits.maxWeeks" required />
            </mat-form-field>
          }
        </div>
        <mat-form-field class="full-width">
          <mat-label>Notes for the childminder (optional)</mat-label>
          <textarea matInput formControlName="notes" rows="3" [attr.maxlength]="limits.notes"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          @if (busy()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Saving…
          } @else {
            Save changes
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .when {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .when mat-form-field {
      flex: 1 1 140px;
    }
    .alert-box {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-radius: var(--mat-sys-corner-medium);
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    .alert-box p {
      margin: 0 0 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModifyBookingDialog {
  private readonly api = inject(BookingsApi);
  private readonly upgradePrompt = inject(UpgradePrompt);
  private readonly dialogRef = inject<MatDialogRef<ModifyBookingDialog, Booking>>(MatDialogRef);

  protected readonly data = inject<ModifyBookingData>(MAT_DIALOG_DATA);
  protected readonly limits = BOOKING_LIMITS;
  protected readonly weeks = this.data.booking.weeks;
  protected readonly busy = signal(false);
  protected readonly error = signal<{ message: string; groups: ProblemGroup[] } | null>(null);
  protected readonly form = this.initialForm();

  private initialForm() {
    const first = this.data.booking.sessions[0] ?? this.data.booking;
    const start = toUkWallClock(first.startsAt);
    const end = toUkWallClock(first.endsAt);
    return inject(NonNullableFormBuilder).group({
      date: [start.date],
      start: [start.time],
      end: [end.time],
      weeks: [this.data.booking.weeks],
      notes: [this.data.booking.notes ?? ''],
    });
  }

  protected saveChanges(): void {
    if (this.busy()) return;
    const v = this.form.getRawValue();
    const value = { ...v, repeat: this.weeks > 1 ? ('weekly' as const) : ('once' as const), weeks: Number(v.weeks) };
    const body = toBookingUpdate(value);
    if (!body) {
      this.error.set({ message: formGap({ ...value, childIds: ['-'] }) ?? 'Check the form.', groups: [] });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.modify(this.data.booking.id, body).subscribe({
      next: (booking) => this.dialogRef.close(booking),
      error: (error: unknown) => {
        this.busy.set(false);
        if (this.upgradePrompt.offer(error)) return;
        const problem = toApiProblem(error);
        const isRule = problem.code.startsWith('BOOKING_');
        this.error.set({
          message: isRule ? 'The childminder can’t take the booking with these changes.' : problem.message,
          groups: isRule ? refusalGroups(problem.code, problem.message, problem.details) : [],
        });
      },
    });
  }
}
