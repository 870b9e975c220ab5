import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, matchesControl } from '@core/auth/password-policy';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

/** The page the emailed link opens: `/reset-password?token=...`. */
@Component({
  selector: 'app-reset-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
  ],
  templateUrl: './reset-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPassword {
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly token = input<string>();

  protected readonly passwordHint = PASSWORD_HINT;
  protected readonly submitting = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly doneMessage = signal<string | null>(null);
  protected readonly form = this.fb.group({
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    confirmPassword: ['', [Validators.required, matchesControl('password', 'The passwords do not match')]],
  });

  constructor() {
    // Re-check the confirmation when the first password changes.
    this.form.controls.password.valueChanges.subscribe(() =>
      this.form.controls.confirmPassword.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected fieldError(name: 'password' | 'confirmPassword', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected resetPassword(): void {
    const token = this.token()?.trim();
    this.form.markAllAsTouched();
    if (!token || this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.formError.set(null);
    this.auth.resetPassword({ token, password: this.form.getRawValue().password }).subscribe({
      next: (response) => {
        this.submitting.set(false);
        this.doneMessage.set(response.message);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toApiProblem(error);
        const unmatched = applyFieldErrors(this.form, problem.details);
        this.formError.set(
          problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
        );
      },
    });
  }
}
