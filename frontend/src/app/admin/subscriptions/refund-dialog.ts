import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { toApiProblem } from '@core/errors/api-error';
import { formatUkDate } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { formatPence } from '@shared/money/format-pence';
import { AdminSubscriptionsApi, type SubscriptionPayment } from './admin-subscriptions-api';
import { penceToPounds, poundsToPence, refundablePence } from './subscription-format';

export interface RefundDialogData {
  subscriptionId: string;
  subscriberName: string;
  /** The latest payment that took money: the one a refund applies to. */
  payment: SubscriptionPayment;
}

/**
 * Refunds the latest payment fully or partly, in pounds as typed (sent as integer pence).
 * Closes with the updated payment once Stripe has accepted the refund.
 */
@Component({
  selector: 'app-refund-dialog',
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
    <h2 mat-dialog-title>Refund {{ data.subscriberName }}?</h2>
    <form [formGroup]="form" (ngSubmit)="refundPayment()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        <p>
          The latest payment was {{ formatPence(data.payment.amountPence) }} on {{ paidOn }}.
          @if (data.payment.amountRefundedPence > 0) {
            {{ formatPence(data.payment.amountRefundedPence) }} of it has been refunded already.
          }
          Up to <strong>{{ formatPence(refundable) }}</strong> can be refunded through Stripe.
        </p>
        <mat-form-field appearance="outline" class="amount">
          <mat-label>Amount to refund (£)</mat-label>
          <span matTextPrefix>£&nbsp;</span>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" required cdkFocusInitial />
          <mat-hint>The full {{ formatPence(refundable) }}, or less for a partial refund</mat-hint>
          @if (amount.invalid) {
            <mat-error>{{ amountError() }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Don't refund</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Refunding…
          } @else {
            Refund {{ amountPence() ? formatPence(amountPence()!) : '' }}
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .amount {
      width: 100%;
    }
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
export class RefundDialog {
  private readonly api = inject(AdminSubscriptionsApi);
  private readonly dialogRef = inject<MatDialogRef<RefundDialog, SubscriptionPayment>>(MatDialogRef);

  protected readonly data = inject<RefundDialogData>(MAT_DIALOG_DATA);
  protected readonly formatPence = formatPence;
  protected readonly refundable = refundablePence(this.data.payment);
  protected readonly paidOn = formatUkDate(this.data.payment.paidAt ?? this.data.payment.createdAt, 'date');

  protected readonly amount = new FormControl(penceToPounds(this.refundable), {
    nonNullable: true,
    validators: [(control: AbstractControl<string>) => this.validateAmount(control.value)],
  });
  protected readonly form = new FormGroup({ amount: this.amount });
  private readonly amountText = toSignal(this.amount.valueChanges, { initialValue: this.amount.value });
  protected readonly amountPence = computed(() => {
    const pence = poundsToPence(this.amountText());
    return pence !== null && pence <= this.refundable ? pence : null;
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected amountError(): string {
    const errors = this.amount.errors ?? {};
    if (errors['tooMuch']) return `Enter at most ${formatPence(this.refundable)}`;
    return 'Enter an amount in pounds, such as 4.99';
  }

  protected refundPayment(): void {
    this.amount.markAsTouched();
    const pence = this.amountPence();
    if (this.amount.invalid || pence === null || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.refund(this.data.subscriptionId, pence).subscribe({
      next: (payment) => this.dialogRef.close(payment),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }

  private validateAmount(text: string): ValidationErrors | null {
    const pence = poundsToPence(text);
    if (pence === null) return { format: true };
    return pence > this.refundable ? { tooMuch: true } : null;
  }
}
