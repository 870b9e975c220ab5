import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import type { ChildResponse } from './child-types';
import { ChildrenApi } from './children-api';

/** Asks before removing a child; closes with true once the child is gone. */
@Component({
  selector: 'app-remove-child-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Remove {{ child.firstName }}?</h2>
    <mat-dialog-content>
      <app-form-alert [message]="error()" />
      <p>
        {{ child.firstName }}'s details, including any notes about needs, allergies and health, will be deleted. This
        cannot be undone.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep {{ child.firstName }}</button>
      <button mat-flat-button type="button" class="danger" [disabled]="removing()" (click)="removeChild()">
        @if (removing()) {
          <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
          Removing…
        } @else {
          Remove
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
export class RemoveChildDialog {
  private readonly api = inject(ChildrenApi);
  private readonly dialogRef = inject<MatDialogRef<RemoveChildDialog, boolean>>(MatDialogRef);

  protected readonly child = inject<ChildResponse>(MAT_DIALOG_DATA);
  protected readonly removing = signal(false);
  protected readonly error = signal<string | null>(null);

  protected removeChild(): void {
    if (this.removing()) return;
    this.removing.set(true);
    this.error.set(null);
    this.api.remove(this.child.id).subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        // Already gone (removed on another device): the outcome the parent wanted.
        if (problem.status === 404) {
          this.dialogRef.close(true);
          return;
        }
        this.removing.set(false);
        this.error.set(problem.message);
      },
    });
  }
}
