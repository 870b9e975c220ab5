import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { type DemoAccount, type LoginResponse, isTwoFactorChallenge } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { homeForRole, safeReturnUrl } from '@core/auth/roles';
import { applyFieldErrors, controlError, describeWait, hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { GoogleButton } from '../google-sign-in/google-button';

type Step = 'credentials' | 'two-factor';

@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    FormAlert,
    GoogleButton,
  ],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** From the query string: where to go after signing in. */
  readonly returnUrl = input<string>();
  /** `?google=cancelled`: the person turned Google's sign-in screen down. */
  readonly google = input<string>();

  protected readonly step = signal<Step>('credentials');
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly notice = signal<string | null>(
    this.router.currentNavigation()?.extras.state?.['sessionExpired']
      ? 'Your session has ended. Please sign in again.'
      : null,
  );
  protected readonly unverifiedEmail = signal<string | null>(null);
  protected readonly resendState = signal<'idle' | 'sending' | 'sent'>('idle');
  protected readonly resendMessage = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly useRecoveryCode = signal(false);
  protected readonly demoAccounts = signal<readonly DemoAccount[]>([]);
  private challengeToken: string | null = null;

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly codeForm = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
    recoveryCode: [{ value: '', disabled: true }, [Validators.required, Validators.minLength(6)]],
  });

  constructor() {
    this.auth.demoAccounts().subscribe({
      next: (response) => this.demoAccounts.set(response.demoMode ? response.accounts : []),
      // The demo list is a convenience: without it the page still works.
      error: () => this.demoAccounts.set([]),
    });
  }

  protected fieldError(name: 'email' | 'password', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected codeError(): string | null {
    const control = this.useRecoveryCode() ? this.codeForm.controls.recoveryCode : this.codeForm.controls.code;
    if (control.hasError('pattern')) return 'Enter the 6-digit code from your authenticator app';
    return controlError(control, this.useRecoveryCode() ? 'Recovery code' : 'Code');
  }

  protected useDemoAccount(account: DemoAccount): void {
    this.form.setValue({ email: account.email, password: account.password });
    this.formError.set(null);
    this.unverifiedEmail.set(null);
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected signIn(): void {
    if (this.submitting()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.submitting.set(true);
    this.formError.set(null);
    this.notice.set(null);
    this.unverifiedEmail.set(null);
    this.resendState.set('idle');
    const { email, password } = this.form.getRawValue();

    this.auth.login({ email: email.trim(), password }).subscribe({
      next: (response) => {
        this.submitting.set(false);
        if (isTwoFactorChallenge(response)) {
          this.challengeToken = response.challengeToken;
          this.step.set('two-factor');
          return;
        }
        this.goToArea(response);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toApiProblem(error);
        switch (problem.code) {
          case 'EMAIL_NOT_VERIFIED':
            this.unverifiedEmail.set(email.trim());
            this.formError.set(problem.message);
            break;
          case 'TOO_MANY_ATTEMPTS':
            this.formError.set(`Too many sign-in attempts. Please ${describeWait(problem.retryAfterSeconds)}.`);
            break;
          default: {
            const unmatched = applyFieldErrors(this.form, problem.details);
            this.formError.set(
              problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
            );
          }
        }
      },
    });
  }

  protected toggleRecoveryCode(): void {
    const useRecovery = !this.useRecoveryCode();
    this.useRecoveryCode.set(useRecovery);
    const { code, recoveryCode } = this.codeForm.controls;
    if (useRecovery) {
      code.disable();
      recoveryCode.enable();
    } else {
      recoveryCode.disable();
      code.enable();
    }
    this.formError.set(null);
  }

  protected verifyCode(): void {
    if (this.submitting() || !this.challengeToken) return;
    this.codeForm.markAllAsTouched();
    if (this.codeForm.invalid) return;
    this.submitting.set(true);
    this.formError.set(null);
    const { code, recoveryCode } = this.codeForm.getRawValue();
    const body = this.useRecoveryCode()
      ? { challengeToken: this.challengeToken, recoveryCode: recoveryCode.trim() }
      : { challengeToken: this.challengeToken, code: code.replace(/\s/g, '') };

    this.auth.loginWithTwoFactor(body).subscribe({
      next: (response) => {
        this.submitting.set(false);
        this.goToArea(response);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toApiProblem(error);
        this.formError.set(
          hasErrorCode(problem, 'TOO_MANY_ATTEMPTS')
            ? `Too many attempts. Please ${describeWait(problem.retryAfterSeconds)}.`
            : problem.message,
        );
      },
    });
  }

  protected startAgain(): void {
    this.challengeToken = null;
    this.codeForm.reset();
    this.form.controls.password.reset();
    this.formError.set(null);
    this.step.set('credentials');
  }

  protected resendVerification(): void {
    const email = this.unverifiedEmail();
    if (!email || this.resendState() === 'sending') return;
    this.resendState.set('sending');
    this.auth.resendVerification({ email }).subscribe({
      next: (response) => {
        this.resendState.set('sent');
        this.resendMessage.set(response.message);
      },
      error: (error: unknown) => {
        this.resendState.set('idle');
        this.formError.set(toApiProblem(error).message);
      },
    });
  }

  private goToArea(response: LoginResponse): void {
    // "Admins must use two-step verification" (security settings): set it up before anything else.
    const target = response.twoFactorSetupRequired
      ? '/account/two-factor'
      : (safeReturnUrl(this.returnUrl()) ?? homeForRole(response.user.role));
    void this.router.navigateByUrl(target);
  }
}
