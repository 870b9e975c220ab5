import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { type AdminDocument, AdminDocumentsApi } from './admin-documents-api';

/** Rejects a document with a reason (emailed to its owner); closes with the updated document. */
@Component({
  selector: 'app-reject-document-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Reject “{{ document.name }}”?</h2>
    <form [formGroup]="form" (ngSubmit)="rejectDocument()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        <p>The owner is emailed the reason, so say what to fix.</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="1000" required cdkFocusInitial></textarea>
          @if (reason.touched && reason.invalid) {
            <mat-error>Enter the reason for rejecting it</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="saving()">Reject</button>
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
export class RejectDocumentDialog {
  private readonly api = inject(AdminDocumentsApi);
  private readonly dialogRef = inject<MatDialogRef<RejectDocumentDialog, AdminDocument>>(MatDialogRef);

  protected readonly document = inject<AdminDocument>(MAT_DIALOG_DATA);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(1000)],
  });
  // The form directive is what turns a submit into (ngSubmit) instead of a page load.
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected rejectDocument(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.setStatus(this.document.id, 'rejected', this.reason.value.trim()).subscribe({
      next: (updated) => this.dialogRef.close(updated),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }
}
