import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import type { AvailabilityBlock } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AvailabilityApi } from './availability-api';
import { describeUkDay, skipDayProblem, withSkippedDay } from './block-exceptions';

export interface RemoveBlockData {
  /** A repeating block. */
  block: AvailabilityBlock;
  /** The UK date (YYYY-MM-DD) of the occurrence the childminder opened. */
  date: string;
}

/** What was removed: one day (the block lives on without it) or the whole series. */
export type RemoveBlockResult = { removed: 'day'; date: string; block: AvailabilityBlock } | { removed: 'series' };

type Choice = RemoveBlockResult['removed'];

/**
 * Asks how much of a repeating block to remove, as calendar apps do: only the day that was
 * opened (an exception date on the series) or every occurrence; then removes it. The safer
 * choice, the one day, is selected first. The dialog stays open, showing the error, on failure.
 */
@Component({
  selector: 'app-remove-block-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatProgressSpinnerModule, MatRadioModule, FormAlert],
  template: `
    <h2 mat-dialog-title>Remove “{{ data.block.title }}”?</h2>
    <mat-dialog-content>
      <app-form-alert [message]="error()" />
      <p id="remove-block-question">This block repeats. Remove only {{ day }}, or every day of it?</p>
      <mat-radio-group
        class="choices"
        aria-labelledby="remove-block-question"
        [ngModel]="choice()"
        (ngModelChange)="choice.set($event)"
        [disabled]="busy()"
      >
        <mat-radio-button value="day" [disabled]="!!dayProblem">
          Remove this day only
          <span class="choice__detail">{{ dayProblem ?? day + ' is skipped; the other days stay.' }}</span>
        </mat-radio-button>
        <mat-radio-button value="series">
          Remove the whole series
          <span class="choice__detail">Every day this block repeats on, past and future.</span>
        </mat-radio-button>
      </mat-radio-group>
      <p class="muted">Bookings already made are not changed.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Keep it</button>
      <button mat-flat-button type="button" class="danger" [disabled]="busy()" (click)="removeBlock()">
        @if (busy()) {
          <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
          Removing…
        } @else {
          {{ confirmLabel() }}
        }
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-bottom: 12px;
    }
    .choice__detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemoveBlockDialog {
  private readonly api = inject(AvailabilityApi);
  private readonly dialogRef = inject<MatDialogRef<RemoveBlockDialog, RemoveBlockResult>>(MatDialogRef);

  protected readonly data = inject<RemoveBlockData>(MAT_DIALOG_DATA);
  protected readonly day = describeUkDay(this.data.date);
  protected readonly dayProblem = skipDayProblem(this.data.block, this.data.date);
  protected readonly choice = signal<Choice>(this.dayProblem ? 'series' : 'day');
  protected readonly confirmLabel = computed(() =>
    this.choice() === 'day' ? 'Remove this day only' : 'Remove the whole series',
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected removeBlock(): void {
    if (this.busy()) return;
    const { block, date } = this.data;
    this.busy.set(true);
    this.error.set(null);
    const failed = (error: unknown) => {
      const problem = toApiProblem(error);
      // Already gone (deleted on another device, say): there is nothing left to remove.
      if (problem.status === 404) {
        this.dialogRef.close({ removed: 'series' });
        return;
      }
      this.busy.set(false);
      this.error.set(problem.message);
    };
    if (this.choice() === 'day') {
      this.api.replace(block.id, withSkippedDay(block, date)).subscribe({
        next: (saved) => this.dialogRef.close({ removed: 'day', date, block: saved }),
        error: failed,
      });
    } else {
      this.api.remove(block.id).subscribe({
        next: () => this.dialogRef.close({ removed: 'series' }),
        error: failed,
      });
    }
  }
}
