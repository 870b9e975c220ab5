import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, matchesControl } from '@core/auth/password-policy';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AccountApi } from '../account-api';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

@Component({
  selector: 'app-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    FormAlert,
  ],
  templateUrl: './password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Password {
  private readonly api = inject(AccountApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly passwordHint = PASSWORD_HINT;
  protected readonly saving = signal(false);
  protected readonly showPasswords = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    confirmPassword: ['', [Validators.required, matchesControl('newPassword', 'The new passwords do not match')]],
  });

  constructor() {
    this.form.controls.newPassword.valueChanges.subscribe(() =>
      this.form.controls.confirmPassword.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected fieldError(name: Field, label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected togglePasswords(): void {
    this.showPasswords.update((shown) => !shown);
  }

  protected changePassword(): void {
    this.form.markAllAsTouched();
    if (this.saving() || this.form.invalid) return;
    this.saving.set(true);
    this.formError.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: (response) => {
        this.saving.set(false);
        // resetForm() also clears the submitted flag, so the emptied fields show no errors.
        this.formDirective().resetForm();
        this.notifier.success(response.message || 'Your password has been changed.');
      },
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
