import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import type { DocumentResponse } from './document-types';
import { DocumentsApi } from './documents-api';

/** Asks before deleting a document; closes with true once it is gone. */
@Component({
  selector: 'app-delete-document-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Delete “{{ document.name }}”?</h2>
    <mat-dialog-content>
      <app-form-alert [message]="error()" />
      <p>
        The document and its file will be deleted. If it was approved, it will no longer count towards your compliance.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep it</button>
      <button mat-flat-button type="button" class="danger" [disabled]="deleting()" (click)="deleteDocument()">
        @if (deleting()) {
          <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
          Deleting…
        } @else {
          Delete
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
export class DeleteDocumentDialog {
  private readonly api = inject(DocumentsApi);
  private readonly dialogRef = inject<MatDialogRef<DeleteDocumentDialog, boolean>>(MatDialogRef);

  protected readonly document = inject<DocumentResponse>(MAT_DIALOG_DATA);
  protected readonly deleting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected deleteDocument(): void {
    if (this.deleting()) return;
    this.deleting.set(true);
    this.error.set(null);
    this.api.remove(this.document.id).subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        // Already gone (deleted on another device): the outcome wanted.
        if (problem.status === 404) {
          this.dialogRef.close(true);
          return;
        }
        this.deleting.set(false);
        this.error.set(problem.message);
      },
    });
  }
}
