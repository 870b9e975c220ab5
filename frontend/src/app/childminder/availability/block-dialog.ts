import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import type { AvailabilityBlock, AvailabilityBlockRequest, AvailabilityType } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { ConfirmDeleteDialog, type ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AvailabilityApi } from './availability-api';
import { RemoveBlockDialog, type RemoveBlockData, type RemoveBlockResult } from './remove-block-dialog';
import { blockTimesProblem, toUkWallClock, ukWallClockIso } from './block-times';
import { buildWeeklyRrule, describeRepeat, parseWeeklyRrule, WEEKDAYS, type Weekday } from './recurrence';

export interface BlockDialogData {
  /** The block to edit; absent to add one */
  block?: AvailabilityBlock;
  /** The UK date (YYYY-MM-DD) of the occurrence opened on the calendar, when editing a block */
  occurrenceDate?: string;
  /** Prefilled UK date and times (from a selection on the calendar) */
  date?: string;
  start?: string;
  end?: string;
}

/** How the dialog closed: a block saved or deleted, or one day of a repeating block removed. */
export type BlockDialogResult =
  { saved: AvailabilityBlock } | { deleted: true } | { removedDay: string; block: AvailabilityBlock };

/** Adds or edits an availability block or time off, optionally repeating weekly; deletes after confirmation. */
@Component({
  selector: 'app-block-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.block ? 'Edit ' + data.block.title : 'Add availability' }}</h2>
    <form [formGroup]="form" (ngSubmit)="saveBlock()" novalidate>
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        <fieldset class="group">
          <legend>Type</legend>
          <mat-radio-group formControlName="type" class="radios">
            <mat-radio-button value="available">Available for bookings</mat-radio-button>
            <mat-radio-button value="unavailable">Time off (not available)</mat-radio-button>
          </mat-radio-group>
        </fieldset>

        <mat-form-field appearance="outline" class="full">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="120" required />
          @if (form.controls.title.touched && form.controls.title.invalid) {
            <mat-error>Enter a title, such as “Weekday care”</mat-error>
          }
        </mat-form-field>

        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Date</mat-label>
            <input matInput type="date" formControlName="date" required />
            <mat-hint>{{ data.block?.recurrence ? 'First day of the series' : 'UK date' }}</mat-hint>
            @if (form.controls.date.touched && form.controls.date.invalid) {
              <mat-error>Enter the date</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>From</mat-label>
            <input matInput type="time" formControlName="start" step="900" required />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>To</mat-label>
            <input matInput type="time" formControlName="end" step="900" required />
          </mat-form-field>
        </div>

        @if (customRule()) {
          <p class="note">
            This block repeats by a rule this form cannot show ({{ data.block?.recurrence }}); it is kept as it is.
          </p>
        } @else {
          <fieldset class="group">
            <legend>Repeat weekly on</legend>
            <div class="days">
              @for (day of weekdays; track day.code) {
                <mat-checkbox [checked]="days().includes(day.code)" (change)="toggleDay(day.code, $event.checked)">
                  {{ day.label }}
                </mat-checkbox>
              }
            </div>
          </fieldset>
          @if (days().length) {
            <mat-form-field appearance="outline">
              <mat-label>Repeat until (optional)</mat-label>
              <input matInput type="date" formControlName="until" />
              <mat-hint>Last day; leave empty to repeat for ever</mat-hint>
            </mat-form-field>
          }
          <p class="muted summary" aria-live="polite">{{ repeatSummary() }}</p>
        }

        <mat-form-field appearance="outline" class="full">
          <mat-label>Description (optional)</mat-label>
          <textarea matInput formControlName="description" rows="2" maxlength="1000"></textarea>
        </mat-form-field>
        <p class="muted small">Times are UK time (Europe/London), also after the clocks change.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        @if (data.block) {
          <button mat-button type="button" class="danger-text delete" (click)="deleteBlock()">
            {{ data.block.recurrence && data.occurrenceDate ? 'Remove…' : 'Delete…' }}
          </button>
        }
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          @if (saving()) {
            <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
            Saving…
          } @else {
            {{ data.block ? 'Save changes' : 'Add' }}
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      mat-form-field {
        flex: 1 1 140px;
      }
    }
    .group {
      border: 0;
      margin: 0 0 12px;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .radios,
    .days {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .note,
    .summary,
    .small {
      margin: 0 0 12px;
    }
    .danger-text {
      color: var(--mat-sys-error);
    }
    .delete {
      margin-right: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BlockDialog {
  private readonly api = inject(AvailabilityApi);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef = inject<MatDialogRef<BlockDialog, BlockDialogResult>>(MatDialogRef);

  protected readonly data = inject<BlockDialogData>(MAT_DIALOG_DATA);
  protected readonly weekdays = WEEKDAYS;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly parsed = parseWeeklyRrule(this.data.block?.recurrence);
  protected readonly customRule = signal(this.parsed === null);
  protected readonly days = signal<Weekday[]>([...(this.parsed?.days ?? [])]);

  protected readonly form = (() => {
    const block = this.data.block;
    const start = block ? toUkWallClock(block.startsAt) : null;
    const end = block ? toUkWallClock(block.endsAt) : null;
    return new FormGroup({
      type: new FormControl<AvailabilityType>(block?.type ?? 'available', { nonNullable: true }),
      title: new FormControl(block?.title ?? 'Available', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)],
      }),
      description: new FormControl(block?.description ?? '', { nonNullable: true }),
      date: new FormControl(start?.date ?? this.data.date ?? '', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      start: new FormControl(start?.time ?? this.data.start ?? '08:00', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      end: new FormControl(end?.time ?? this.data.end ?? '18:00', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      until: new FormControl(this.parsed?.until ?? '', { nonNullable: true }),
    });
  })();

  protected repeatSummary(): string {
    return describeRepeat({ days: this.days(), until: this.form.controls.until.value || null });
  }

  protected toggleDay(day: Weekday, checked: boolean): void {
    this.days.update((days) => (checked ? [...days.filter((d) => d !== day), day] : days.filter((d) => d !== day)));
  }

  protected saveBlock(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) {
      if (this.form.invalid) this.error.set('Some fields need an answer: each says what is missing below it.');
      return;
    }
    const value = this.form.getRawValue();
    const problem = blockTimesProblem(value.start, value.end);
    if (problem) {
      this.error.set(problem);
      return;
    }
    if (value.until && this.days().length && value.until < value.date) {
      this.error.set('“Repeat until” must be on or after the date.');
      return;
    }
    const recurrence = this.customRule()
      ? (this.data.block?.recurrence ?? null)
      : buildWeeklyRrule({ days: this.days(), until: value.until || null });
    const body: AvailabilityBlockRequest = {
      type: value.type,
      title: value.title.trim(),
      description: value.description.trim() || null,
      startsAt: ukWallClockIso(value.date, value.start),
      endsAt: ukWallClockIso(value.date, value.end),
      recurrence,
      exceptionDates: this.data.block?.exceptionDates ?? [],
    };
    this.saving.set(true);
    this.error.set(null);
    const request = this.data.block ? this.api.replace(this.data.block.id, body) : this.api.create(body);
    request.subscribe({
      next: (saved) => this.dialogRef.close({ saved }),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }

  protected deleteBlock(): void {
    const block = this.data.block;
    if (!block) return;
    if (block.recurrence && this.data.occurrenceDate) {
      this.chooseWhatToRemove(block, this.data.occurrenceDate);
      return;
    }
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: `Delete “${block.title}”?`,
          body: block.recurrence
            ? 'Every occurrence of this repeating block is removed. Bookings already made are not changed.'
            : 'The block is removed. Bookings already made are not changed.',
          keepLabel: 'Keep it',
          confirmLabel: 'Delete',
          busyLabel: 'Deleting…',
          remove: () => this.api.remove(block.id),
        },
        width: '420px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((deleted) => {
        if (deleted) this.dialogRef.close({ deleted: true });
      });
  }

  /** A repeating block opened on one of its days: remove that day only, or the whole series. */
  private chooseWhatToRemove(block: AvailabilityBlock, date: string): void {
    this.dialog
      .open<RemoveBlockDialog, RemoveBlockData, RemoveBlockResult>(RemoveBlockDialog, {
        data: { block, date },
        width: '460px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.dialogRef.close(
          result.removed === 'day' ? { removedDay: result.date, block: result.block } : { deleted: true },
        );
      });
  }
}
