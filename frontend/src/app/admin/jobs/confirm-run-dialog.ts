import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { ScheduledJob } from './admin-jobs-api';

/**
 * Asks before running a job out of its schedule: jobs send emails and delete data. Closes with
 * true to run it; the screen then runs it and shows the progress and the outcome.
 */
@Component({
  selector: 'app-confirm-run-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Run {{ job.name }} now?</h2>
    <mat-dialog-content>
      <p>{{ job.description }}</p>
      <p class="muted">
        Its schedule: {{ job.schedule }}. Running it now does once, on one server, what the schedule does. The run is
        recorded in the audit log under your name.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">Run now</button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
    p:last-child {
      margin-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmRunDialog {
  protected readonly job = inject<ScheduledJob>(MAT_DIALOG_DATA);
}
