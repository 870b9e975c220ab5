import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import type { Booking } from '@core/api/api-types';
import { BOOKING_LIMITS } from './booking-rules';
import { BookingsApi } from './bookings-api';

export interface CancelBookingData {
  booking: Booking;
}

/** Asks for a reason (the childminder sees it) and cancels; closes with the cancelled booking. */
@Component({
  selector: 'app-cancel-booking-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Cancel this booking?</h2>
    <form [formGroup]="form" (ngSubmit)="cancelBooking()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        <p>
          {{ data.booking.childminder.displayName }} will be told straight away, with your reason. This cannot be
          undone.
        </p>
        <mat-form-field class="full-width">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" [attr.maxlength]="limits.reason" required></textarea>
          <mat-hint>For example: we are moving house that week</mat-hint>
          @if (reasonError(); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep the booking</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="busy()">
          @if (busy()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Cancelling…
          } @else {
            Cancel booking
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 16px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CancelBookingDialog {
  private readonly api = inject(BookingsApi);
  private readonly dialogRef = inject<MatDialogRef<CancelBookingDialog, Booking>>(MatDialogRef);

  protected readonly data = inject<CancelBookingData>(MAT_DIALOG_DATA);
  protected readonly limits = BOOKING_LIMITS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        Validators.required,
        Validators.minLength(BOOKING_LIMITS.reasonMin),
        Validators.maxLength(BOOKING_LIMITS.reason),
      ],
    ],
  });

  protected reasonError(): string | null {
    const control = this.form.controls.reason;
    return control.touched ? controlError(control, 'Reason') : null;
  }

  protected cancelBooking(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.cancel(this.data.booking.id, this.form.controls.reason.value.trim()).subscribe({
      next: (booking) => this.dialogRef.close(booking),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }
}
