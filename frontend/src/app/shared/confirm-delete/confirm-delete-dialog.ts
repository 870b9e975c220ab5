import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Observable } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

export interface ConfirmDeleteData {
  title: string;
  body: string;
  keepLabel: string;
  confirmLabel: string;
  busyLabel: string;
  /** The deletion itself; the dialog stays open, showing the error, if it fails. */
  remove: () => Observable<unknown>;
}

/**
 * Asks before deleting something and performs the deletion; closes with true once it is gone.
 * A 404 counts as done: the thing was already deleted (on another device, say).
 */
@Component({
  selector: 'app-confirm-delete-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, FormAlert],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <app-form-alert [message]="error()" />
      <p>{{ data.body }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ data.keepLabel }}</button>
      <button mat-flat-button type="button" class="danger" [disabled]="busy()" (click)="confirm()">
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
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDeleteDialog {
  private readonly dialogRef = inject<MatDialogRef<ConfirmDeleteDialog, boolean>>(MatDialogRef);

  protected readonly data = inject<ConfirmDeleteData>(MAT_DIALOG_DATA);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected confirm(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.data.remove().subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        if (problem.status === 404) {
          this.dialogRef.close(true);
          return;
        }
        this.busy.set(false);
        this.error.set(problem.message);
      },
    });
  }
}
