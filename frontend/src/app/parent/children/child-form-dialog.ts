import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { CHILD_LIMITS, type ChildField, type ChildResponse, type CreateChildRequest } from './child-types';
import { ChildrenApi } from './children-api';
import { fromIsoDate, toIsoDate, ukTodayIso, yearsBeforeIso } from './date-input';
import { provideUkDateAdapter } from './uk-date-adapter';

export interface ChildFormDialogData {
  /** The child to edit; absent to add one. */
  child?: ChildResponse;
}

const LABELS: Record<ChildField, string> = {
  firstName: 'First name',
  dateOfBirth: 'Date of birth',
  specialNeeds: 'Special needs',
  allergies: 'Allergies',
  medicalNotes: 'Medical notes',
};

type NoteField = 'specialNeeds' | 'allergies' | 'medicalNotes';

/** Adds a child or edits one; closes with the saved child. */
@Component({
  selector: 'app-child-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    FormAlert,
  ],
  providers: [provideUkDateAdapter()],
  templateUrl: './child-form-dialog.html',
  styleUrl: './child-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildFormDialog {
  private readonly api = inject(ChildrenApi);
  private readonly dialogRef = inject<MatDialogRef<ChildFormDialog, ChildResponse>>(MatDialogRef);
  private readonly data = inject<ChildFormDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly editing = this.data.child ?? null;
  protected readonly limits = CHILD_LIMITS;
  protected readonly noteFields: readonly { name: NoteField; hint: string }[] = [
    { name: 'specialNeeds', hint: 'Any additional needs or support, and what helps.' },
    { name: 'allergies', hint: 'Foods or anything else, and what to do in a reaction.' },
    { name: 'medicalNotes', hint: 'Conditions, medicines, care plans.' },
  ];
  protected readonly labels = LABELS;
  /** The datepicker's bounds: today (UK) and 18 years before it. */
  protected readonly maxDate = fromIsoDate(ukTodayIso())!;
  protected readonly minDate = fromIsoDate(yearsBeforeIso(ukTodayIso(), CHILD_LIMITS.maxAgeYears))!;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = this.fb.group({
    firstName: [this.editing?.firstName ?? '', [Validators.required, Validators.maxLength(CHILD_LIMITS.firstName)]],
    dateOfBirth: new FormControl<Date | null>(
      this.editing ? fromIsoDate(this.editing.dateOfBirth) : null,
      Validators.required,
    ),
    specialNeeds: [this.editing?.specialNeeds ?? '', Validators.maxLength(CHILD_LIMITS.note)],
    allergies: [this.editing?.allergies ?? '', Validators.maxLength(CHILD_LIMITS.note)],
    medicalNotes: [this.editing?.medicalNotes ?? '', Validators.maxLength(CHILD_LIMITS.note)],
  });

  protected fieldError(name: ChildField): string | null {
    const control = this.form.controls[name];
    const label = LABELS[name];
    if (name === 'dateOfBirth') {
      if (control.hasError('matDatepickerParse')) return 'Enter a real date, like 14/03/2022';
      if (control.hasError('matDatepickerMax')) return 'Date of birth cannot be in the future';
      if (control.hasError('matDatepickerMin'))
        return `Date of birth must be within the last ${CHILD_LIMITS.maxAgeYears} years`;
      if (control.hasError('required')) return 'Enter a date of birth, like 14/03/2022';
    }
    if (name === 'firstName' && control.hasError('required')) return "Enter your child's first name";
    const message = controlError(control, label);
    // Server messages name the API field ("dateOfBirth cannot be..."); show the label instead.
    return message?.replace(new RegExp(`^${name}\\b`), label) ?? null;
  }

  protected noteLength(name: NoteField): number {
    return this.form.controls[name].value.length;
  }

  protected saveChild(): void {
    this.form.markAllAsTouched();
    if (this.saving()) return;
    if (this.form.invalid) {
      this.formError.set('Check the highlighted fields.');
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    const body: CreateChildRequest = {
      firstName: value.firstName.trim(),
      dateOfBirth: toIsoDate(value.dateOfBirth!),
      // An emptied note is sent as null, which clears it.
      specialNeeds: value.specialNeeds.trim() || null,
      allergies: value.allergies.trim() || null,
      medicalNotes: value.medicalNotes.trim() || null,
    };
    const request = this.editing ? this.api.update(this.editing.id, body) : this.api.create(body);
    request.subscribe({
      next: (child) => this.dialogRef.close(child),
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details);
        this.formError.set(
          problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
        );
      },
    });
  }
}
