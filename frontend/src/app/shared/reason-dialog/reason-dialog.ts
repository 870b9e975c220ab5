import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Observable } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

export interface ReasonDialogData<T> {
  title: string;
  /** What happens, said before the reason is asked for */
  body: string;
  /** Who reads the reason, under the field; none when the body says it. */
  hint?: string;
  /** Shown when the reason is left blank; "Enter a reason" unless given. */
  missingMessage?: string;
  keepLabel: string;
  confirmLabel: string;
  busyLabel: string;
  /** Performs the action; the dialog stays open showing the API's refusal if it fails. */
  submit: (reason: string) => Observable<T>;
}

/**
 * The app's one "give a reason" dialog: asks for a reason (the other side reads it) and confirms a
 * reject or cancel; closes with what `submit` answered (the updated booking, document, ...).
 */
@Component({
  selector: 'app-reason-dialog',
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
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submitReason()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        <p>{{ data.body }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput [formControl]="reason" rows="3" maxlength="1000" required cdkFocusInitial></textarea>
          @if (data.hint) {
            <mat-hint>{{ data.hint }}</mat-hint>
          }
          @if (reason.touched && reason.invalid) {
            <mat-error>{{ data.missingMessage ?? 'Enter a reason' }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ data.keepLabel }}</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="busy()">
          @if (busy()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            {{ data.busyLabel }}
          } @else {
            {{ data.confirmLabel }}
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      width: 100%;
    }
    p {
      margin: 0 0 12px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog<T> {
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog<T>, T>>(MatDialogRef);

  protected readonly data = inject<ReasonDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(1000), Validators.pattern(/\S/)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submitReason(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.data.submit(this.reason.value.trim()).subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }
}
