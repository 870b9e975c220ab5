import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import type { Role } from '@core/api/api-types';
import { roleLabel } from '@core/auth/roles';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from '../../childminder/documents/document-types';
import { AdminComplianceApi, type ChangedRequirement, type ComplianceRequirement } from './admin-compliance-api';
import { parseReminderDays, reminderDaysText, requirementChanges, REQUIREMENT_LIMITS } from './compliance-format';

export interface RequirementDialogData {
  /** The requirement to change; absent to add one. */
  requirement?: ComplianceRequirement;
}

/** Childminders first: compliance status is computed for them; the API accepts any role. */
const ROLES: readonly Role[] = ['childminder', 'parent', 'support_agent', 'admin', 'super_admin'];

function reminderDaysValidator(control: AbstractControl<string>): ValidationErrors | null {
  const { error } = parseReminderDays(control.value ?? '');
  return error ? { format: error } : null;
}

/** Adds a compliance requirement or changes one; closes with the saved requirement. */
@Component({
  selector: 'app-requirement-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    FormAlert,
  ],
  templateUrl: './requirement-dialog.html',
  styles: `
    .checks {
      display: flex;
      flex-direction: column;
      margin-top: -4px;
    }
    .fixed {
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequirementDialog {
  private readonly api = inject(AdminComplianceApi);
  private readonly dialogRef = inject<MatDialogRef<RequirementDialog, ChangedRequirement>>(MatDialogRef);

  protected readonly editing = inject<RequirementDialogData>(MAT_DIALOG_DATA).requirement ?? null;
  protected readonly title = this.editing
    ? `Change the ${DOCUMENT_TYPE_LABELS[this.editing.documentType]} requirement`
    : 'Add a requirement';
  protected readonly roles = ROLES;
  protected readonly roleLabel = roleLabel;
  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly limits = REQUIREMENT_LIMITS;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    role: [this.editing?.role ?? ('childminder' as Role), Validators.required],
    documentType: [this.editing?.documentType ?? ('' as DocumentType | ''), Validators.required],
    mandatory: [this.editing?.mandatory ?? true],
    validityMonths: new FormControl<number | null>(this.editing?.validityMonths ?? null, [
      Validators.min(REQUIREMENT_LIMITS.minValidityMonths),
      Validators.max(REQUIREMENT_LIMITS.maxValidityMonths),
      Validators.pattern(/^\d+$/),
    ]),
    reminderDays: [this.editing ? reminderDaysText(this.editing.reminderDays) : '30, 14, 7', reminderDaysValidator],
    active: [this.editing?.active ?? true],
  });

  protected documentTypeError(): string | null {
    const control = this.form.controls.documentType;
    return control.hasError('required') ? 'Choose a document type' : controlError(control, 'Document type');
  }

  protected validityError(): string | null {
    const control = this.form.controls.validityMonths;
    const { minValidityMonths: min, maxValidityMonths: max } = REQUIREMENT_LIMITS;
    if (control.hasError('min') || control.hasError('max') || control.hasError('pattern')) {
      return `Enter a whole number of months from ${min} to ${max}, or leave it empty`;
    }
    return controlError(control, 'Validity');
  }

  protected reminderError(): string | null {
    return controlError(this.form.controls.reminderDays, 'Reminder days');
  }

  protected saveRequirement(): void {
    this.form.markAllAsTouched();
    if (this.saving()) return;
    if (this.form.invalid) {
      this.formError.set('Check the highlighted fields.');
      return;
    }
    const value = this.form.getRawValue();
    const reminderDays = parseReminderDays(value.reminderDays).days ?? [];
    // An empty number input reads as null: the documents never expire.
    const validityMonths = value.validityMonths === null ? null : Number(value.validityMonths);
    const changes = this.editing ? requirementChanges(this.editing, { ...value, validityMonths, reminderDays }) : null;
    if (changes && Object.keys(changes).length === 1) {
      // Only the id: nothing to save, nothing to audit.
      this.dialogRef.close();
      return;
    }
    const request = changes
      ? this.api.updateRequirement(changes)
      : this.api.createRequirement({
          role: value.role,
          documentType: value.documentType as DocumentType,
          mandatory: value.mandatory,
          validityMonths,
          reminderDays,
          active: value.active,
        });
    this.saving.set(true);
    this.formError.set(null);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(error);
        // Create names fields at the top level, the PATCH under `requirement.`.
        const fieldMap = Object.fromEntries(
          Object.keys(this.form.controls).map((name) => [`requirement.${name}`, name]),
        );
        const unmatched = applyFieldErrors(this.form, problem.details, fieldMap);
        this.formError.set(
          unmatched.length || !problem.details.length ? problem.message : 'Check the highlighted fields.',
        );
      },
    });
  }
}
