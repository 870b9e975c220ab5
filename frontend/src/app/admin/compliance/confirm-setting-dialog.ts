import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Observable } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import type { ComplianceSettings } from './admin-compliance-api';

export interface ConfirmSettingData {
  title: string;
  body: string;
  confirmLabel: string;
  busyLabel: string;
  /** The change itself; the dialog stays open, showing the error, if it fails. */
  save: () => Observable<ComplianceSettings>;
}

/**
 * Asks before changing a platform-wide setting and saves it; closes with the saved settings.
 * The same shape as the shared confirm-delete dialog, without its "delete" styling and its
 * "404 means done" rule, neither of which fits a setting.
 */
@Component({
  selector: 'app-confirm-setting-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, FormAlert],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <app-form-alert [message]="error()" />
      <p>{{ data.body }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="confirm()">
        @if (busy()) {
          <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
          {{ data.busyLabel }}
        } @else {
          {{ data.confirmLabel }}
        }
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmSettingDialog {
  private readonly dialogRef = inject<MatDialogRef<ConfirmSettingDialog, ComplianceSettings>>(MatDialogRef);

  protected readonly data = inject<ConfirmSettingData>(MAT_DIALOG_DATA);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected confirm(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.data.save().subscribe({
      next: (settings) => this.dialogRef.close(settings),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }
}
