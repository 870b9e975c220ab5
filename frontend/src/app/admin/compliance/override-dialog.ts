import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AdminComplianceApi, type ChildminderCompliance, type ComplianceStatus } from './admin-compliance-api';
import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES, OVERRIDE_REASON_LIMITS } from './compliance-format';

export interface OverrideDialogData {
  childminder: ChildminderCompliance;
  /** True to remove the childminder's override; false to set or change it. */
  clear: boolean;
}

/** Sets a childminder's compliance override, or clears it, with a reason; closes with her new row. */
@Component({
  selector: 'app-override-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="saveOverride()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="formError()" />
        <p>
          From documents alone: <strong>{{ statusLabels[childminder.computedStatus] }}</strong>.
          @if (clear) {
            Without the override, that becomes the status again.
          } @else {
            The override is shown instead until it is cleared.
          }
        </p>
        @if (!clear) {
          <fieldset class="statuses">
            <legend id="override-status-label">Status to show</legend>
            <mat-radio-group formControlName="status" aria-labelledby="override-status-label">
              @for (status of statuses; track status) {
                <mat-radio-button [value]="status">{{ statusLabels[status] }}</mat-radio-button>
              }
            </mat-radio-group>
          </fieldset>
        }
        <mat-form-field appearance="outline" class="reason">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            [attr.maxlength]="limits.max"
            required
            cdkFocusInitial
          ></textarea>
          <mat-hint>Kept with the override and in the audit log.</mat-hint>
          <mat-hint align="end" aria-hidden="true">{{ form.controls.reason.value.length }}/{{ limits.max }}</mat-hint>
          @if (reasonError(); as error) {
            <mat-error>{{ error }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Saving…
          } @else {
            {{ clear ? 'Clear override' : 'Save override' }}
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
    .statuses {
      border: 0;
      margin: 0 0 12px;
      padding: 0;
    }
    legend {
      padding: 0;
      font: var(--mat-sys-label-large);
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .reason {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverrideDialog {
  private readonly api = inject(AdminComplianceApi);
  private readonly dialogRef = inject<MatDialogRef<OverrideDialog, ChildminderCompliance>>(MatDialogRef);
  private readonly data = inject<OverrideDialogData>(MAT_DIALOG_DATA);

  protected readonly childminder = this.data.childminder;
  protected readonly clear = this.data.clear;
  protected readonly title = this.clear
    ? `Clear the override for ${this.childminder.displayName}`
    : `Override the status of ${this.childminder.displayName}`;
  protected readonly statuses = COMPLIANCE_STATUSES;
  protected readonly statusLabels = COMPLIANCE_STATUS_LABELS;
  protected readonly limits = OVERRIDE_REASON_LIMITS;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: [(this.childminder.override?.status ?? this.childminder.computedStatus) as ComplianceStatus],
    reason: [
      '',
      [
        Validators.required,
        Validators.minLength(OVERRIDE_REASON_LIMITS.min),
        Validators.maxLength(OVERRIDE_REASON_LIMITS.max),
      ],
    ],
  });

  protected reasonError(): string | null {
    const control = this.form.controls.reason;
    if (control.hasError('required')) return 'Enter the reason for this change';
    return controlError(control, 'Reason');
  }

  protected saveOverride(): void {
    // Spaces alone are not a reason: trim before the length checks.
    const reason = this.form.controls.reason;
    reason.setValue(reason.value.trim());
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.formError.set(null);
    const { status } = this.form.getRawValue();
    this.api
      .setOverride({ userId: this.childminder.userId, status: this.clear ? null : status, reason: reason.value })
      .subscribe({
        next: (updated) => this.dialogRef.close(updated),
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toApiProblem(error);
          const unmatched = applyFieldErrors(this.form, problem.details, {
            'override.reason': 'reason',
            'override.status': 'status',
          });
          this.formError.set(unmatched.length || !problem.details.length ? problem.message : null);
        },
      });
  }
}
