import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggle, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { AgeGroup, LastMinuteOpening } from '@core/api/api-types';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { AGE_GROUP_LABELS } from '@shared/bookings/booking-format';
import { ConfirmDeleteDialog, type ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LastMinuteApi } from '@shared/last-minute/last-minute-api';
import {
  MAX_OPENING_PLACES,
  OPENING_AGE_GROUPS,
  formatAgeGroups,
  formatOpeningTime,
  formatPlaces,
  ukWallClock,
} from '@shared/last-minute/opening-format';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { UpgradePrompt } from '@shared/upgrade-prompt/upgrade-prompt';

const TIME = /^\d{2}:\d{2}$/;

/**
 * `/childminder/last-minute`: the childminder's current last-minute places, a form to publish one
 * (parents nearby with alerts on hear about it at once), and the auto-accept rule for families
 * who have completed a booking with them.
 */
@Component({
  selector: 'app-last-minute-openings',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    EmptyState,
    ErrorState,
    FormAlert,
    LoadingState,
  ],
  templateUrl: './last-minute-openings.html',
  styleUrl: './last-minute-openings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LastMinuteOpenings {
  private readonly api = inject(LastMinuteApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly upgradePrompt = inject(UpgradePrompt);
  private readonly listHeading = viewChild.required<ElementRef<HTMLElement>>('listHeading');
  private readonly ruleToggle = viewChild(MatSlideToggle);

  protected readonly ageGroups = OPENING_AGE_GROUPS;
  protected readonly ageGroupLabels = AGE_GROUP_LABELS;
  protected readonly placeChoices = Array.from({ length: MAX_OPENING_PLACES }, (_, i) => i + 1);
  protected readonly formatOpeningTime = formatOpeningTime;
  protected readonly formatPlaces = formatPlaces;
  protected readonly formatAgeGroups = formatAgeGroups;
  protected readonly controlError = controlError;
  /** Today in the UK: the date input's minimum. */
  protected readonly today = ukWallClock(new Date()).date;

  protected readonly openings = signal<readonly LastMinuteOpening[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly publishing = signal(false);
  protected readonly formError = signal<string | null>(null);

  /** The auto-accept rule as saved; null until loaded. */
  protected readonly autoAccept = signal<boolean | null>(null);
  protected readonly ruleError = signal<string | null>(null);
  protected readonly savingRule = signal(false);
  protected readonly ruleSaved = signal<string | null>(null);

  protected readonly form = new FormGroup({
    date: new FormControl(this.today, { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('13:00', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME)],
    }),
    endTime: new FormControl('17:00', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME)],
    }),
    places: new FormControl(1, { nonNullable: true, validators: [Validators.required] }),
    ageGroups: new FormControl<AgeGroup[]>([], {
      nonNullable: true,
      validators: [(c) => ((c.value as AgeGroup[]).length ? null : { format: 'Choose at least one age group' })],
    }),
  });

  /** The age groups are checkboxes, not a form field: their error is shown under the group. */
  protected readonly ageGroupsError = signal<string | null>(null);

  constructor() {
    this.loadOpenings();
    this.loadRule();
  }

  protected loadOpenings(): void {
    this.loadError.set(null);
    this.openings.set(null);
    this.api.openings().subscribe({
      next: (list) => this.openings.set(list.items),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected loadRule(): void {
    this.ruleError.set(null);
    this.api.settings().subscribe({
      next: (settings) => this.autoAccept.set(settings.autoAccept?.autoAcceptReturningFamilies ?? false),
      error: (error: unknown) => this.ruleError.set(toApiProblem(error).message),
    });
  }

  protected toggleAgeGroup(group: AgeGroup, checked: boolean): void {
    const control = this.form.controls.ageGroups;
    const chosen = control.value.filter((g) => g !== group);
    control.setValue(checked ? [...chosen, group] : chosen);
    control.markAsTouched();
    this.ageGroupsError.set(controlError(control, 'age groups'));
  }

  protected publishOpening(): void {
    this.form.markAllAsTouched();
    this.ageGroupsError.set(controlError(this.form.controls.ageGroups, 'age groups'));
    if (this.publishing()) return;
    if (this.form.invalid) {
      this.formError.set('Check the highlighted fields.');
      return;
    }
    this.publishing.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    this.api
      .publish({
        date: value.date,
        startTime: value.startTime,
        endTime: value.endTime,
        places: Number(value.places),
        ageGroups: value.ageGroups,
      })
      .subscribe({
        next: (opening) => {
          this.publishing.set(false);
          this.openings.update((list) =>
            [...(list ?? []), opening].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
          );
          this.form.reset();
          this.ageGroupsError.set(null);
          this.notifier.success(
            `Your place for ${formatOpeningTime(opening)} is published. Parents nearby with alerts on are being told.`,
          );
          this.listHeading().nativeElement.focus();
        },
        error: (error: unknown) => {
          this.publishing.set(false);
          // The Listed plan's limit of current places: offer Pro instead of an error.
          if (this.upgradePrompt.offer(error)) return;
          const problem = toApiProblem(error);
          const unmatched = applyFieldErrors(this.form, problem.details);
          this.ageGroupsError.set(controlError(this.form.controls.ageGroups, 'age groups'));
          this.formError.set(
            problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
          );
        },
      });
  }

  protected withdrawOpening(opening: LastMinuteOpening): void {
    const time = formatOpeningTime(opening);
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: 'Withdraw this place?',
          body: `${formatPlaces(opening.places)} on ${time} will no longer be shown to parents.`,
          keepLabel: 'Keep it',
          confirmLabel: 'Withdraw place',
          busyLabel: 'Withdrawing…',
          remove: () => this.api.withdraw(opening.id),
        },
        width: '440px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((withdrawn) => {
        if (!withdrawn) return;
        this.openings.update((list) => (list ?? []).filter((o) => o.id !== opening.id));
        this.notifier.success(`Your place for ${time} was withdrawn.`);
        this.listHeading().nativeElement.focus();
      });
  }

  protected saveRule(on: boolean): void {
    this.savingRule.set(true);
    this.ruleError.set(null);
    this.ruleSaved.set(null);
    this.api.updateSettings({ autoAcceptReturningFamilies: on }).subscribe({
      next: (settings) => {
        this.savingRule.set(false);
        const saved = settings.autoAccept?.autoAcceptReturningFamilies ?? on;
        this.autoAccept.set(saved);
        this.ruleSaved.set(
          saved
            ? 'Saved. Requests from families who have completed a booking with you are now confirmed automatically.'
            : 'Saved. You will answer every booking request yourself.',
        );
      },
      error: (error: unknown) => {
        this.savingRule.set(false);
        // Nothing changed: the toggle goes back to the saved value.
        const toggle = this.ruleToggle();
        if (toggle) toggle.checked = this.autoAccept() ?? false;
        this.ruleError.set(toApiProblem(error).message);
      },
    });
  }
}
