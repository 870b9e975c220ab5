import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { UkDatePipe } from '@shared/dates/uk-date';
import type { BackupRun } from '../operations/operations-api';

export const RESTORE_WORD = 'RESTORE';

/** Restoring replaces everything: the admin types RESTORE to confirm. Closes with the word typed. */
@Component({
  selector: 'app-restore-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, UkDatePipe],
  template: `
    <h2 mat-dialog-title>Restore this backup?</h2>
    <form (submit)="$event.preventDefault(); confirm()">
      <mat-dialog-content>
        <p>
          Every table and uploaded file goes back to how it was on
          <strong>{{ backup.startedAt | ukDate }}</strong> ({{ backup.fileName }}). Everything added or changed since is
          lost. The site is in maintenance mode while the restore runs, and people may need to sign in again.
        </p>
        <mat-form-field class="full-width">
          <mat-label>Type {{ word }} to confirm</mat-label>
          <input
            matInput
            [formControl]="typed"
            autocomplete="off"
            cdkFocusInitial
            aria-describedby="restore-hint"
            [attr.aria-invalid]="submitted() && !matches()"
          />
          <mat-hint id="restore-hint">In capital letters: {{ word }}</mat-hint>
        </mat-form-field>
        @if (submitted() && !matches()) {
          <p class="error" role="alert" id="restore-error">Type {{ word }} exactly to restore.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" class="danger">Restore</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full-width {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RestoreDialog {
  private readonly ref = inject(MatDialogRef<RestoreDialog, string>);
  protected readonly backup = inject<BackupRun>(MAT_DIALOG_DATA);
  protected readonly word = RESTORE_WORD;
  protected readonly typed = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly submitted = signal(false);

  protected matches(): boolean {
    return this.typed.value.trim() === RESTORE_WORD;
  }

  protected confirm(): void {
    this.submitted.set(true);
    if (this.matches()) this.ref.close(RESTORE_WORD);
  }
}
