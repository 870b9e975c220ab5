import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { LoginResponse, PendingGoogleSignIn, RegisterRole } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { homeForRole } from '@core/auth/roles';
import { applyFieldErrors, controlError, describeWait, hasErrorCode, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

type Step = 'loading' | 'failed' | 'choose-role' | 'link' | 'two-factor';

/**
 * Where Google sign-in lands in the app. The server's callback says what comes next in the
 * address's fragment (never sent to a server): `#signed-in`, `#challenge=<token>` (the account's
 * two-step code), or `#pending=<token>` (a new person chooses parent or childminder, or the owner
 * of the account with this address gives its password to link Google).
 */
@Component({
  selector: 'app-google-sign-in',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    FormAlert,
  ],
  templateUrl: './google-sign-in.html',
  styleUrl: './google-sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoogleSignIn implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly location = inject(Location);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly linkCode = viewChild<ElementRef<HTMLInputElement>>('linkCode');

  protected readonly step = signal<Step>('loading');
  protected readonly pending = signal<PendingGoogleSignIn | null>(null);
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** The account has two-step verification: its code is asked for too. */
  protected readonly needsCode = signal(false);
  private token = '';

  protected readonly roleForm = this.fb.group({
    role: this.fb.control<RegisterRole>('parent', Validators.required),
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    acceptPrivacyNotice: [false, Validators.requiredTrue],
  });

  protected readonly linkForm = this.fb.group({
    password: ['', Validators.required],
    code: [{ value: '', disabled: true }, [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });

  protected readonly codeForm = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });

  ngOnInit(): void {
    const fragment = new URLSearchParams(this.route.snapshot.fragment ?? '');
    // The token is for this page only: keep it out of the history and of anything shared later.
    this.location.replaceState('/login/google');
    const pending = fragment.get('pending');
    const challenge = fragment.get('challenge');
    if (fragment.has('signed-in')) this.restoreSession();
    else if (challenge) {
      this.token = challenge;
      this.step.set('two-factor');
    } else if (pending) this.loadPending(pending);
    else this.fail('There is no Google sign-in to finish here. Start again from the sign-in page.');
  }

  protected fieldError(name: 'firstName' | 'lastName', label: string): string | null {
    return controlError(this.roleForm.controls[name], label);
  }

  /** Shown once the person tried to continue, or the server refused the missing consent. */
  protected consentError(): string | null {
    const control = this.roleForm.controls.acceptPrivacyNotice;
    if (!control.touched || control.valid) return null;
    return control.hasError('server')
      ? String(control.getError('server'))
      : 'Tick the box to agree to the privacy notice: we cannot create an account without it.';
  }

  protected passwordError(): string | null {
    return controlError(this.linkForm.controls.password, 'Password');
  }

  protected codeError(control: 'link' | 'two-factor'): string | null {
    const field = control === 'link' ? this.linkForm.controls.code : this.codeForm.controls.code;
    if (field.hasError('pattern')) return 'Enter the 6-digit code from your authenticator app';
    return controlError(field, 'Code');
  }

  protected createAccount(): void {
    if (this.submitting()) return;
    this.roleForm.markAllAsTouched();
    if (this.roleForm.invalid) return;
    const { role, firstName, lastName } = this.roleForm.getRawValue();
    this.submit(
      this.auth.googleRegister({
        token: this.token,
        role,
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        acceptPrivacyNotice: true,
      }),
      (details) => applyFieldErrors(this.roleForm, details),
    );
  }

  protected linkAccount(): void {
    if (this.submitting()) return;
    this.linkForm.markAllAsTouched();
    if (this.linkForm.invalid) return;
    const { password, code } = this.linkForm.getRawValue();
    this.submit(
      this.auth.googleLink({
        token: this.token,
        password,
        ...(this.needsCode() ? { code: code.replace(/\s/g, '') } : {}),
      }),
      (details) => applyFieldErrors(this.linkForm, details),
    );
  }

  protected verifyCode(): void {
    if (this.submitting()) return;
    this.codeForm.markAllAsTouched();
    if (this.codeForm.invalid) return;
    this.submit(
      this.auth.loginWithTwoFactor({
        challengeToken: this.token,
        code: this.codeForm.getRawValue().code.replace(/\s/g, ''),
      }),
      () => [],
    );
  }

  private submit(
    request: ReturnType<AuthService['googleLink']>,
    showFieldErrors: (details: ReturnType<typeof toApiProblem>['details']) => unknown[],
  ): void {
    this.submitting.set(true);
    this.formError.set(null);
    request.subscribe({
      next: (response) => this.goToArea(response),
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toApiProblem(error);
        if (hasErrorCode(problem, 'TWO_FACTOR_REQUIRED')) {
          this.needsCode.set(true);
          this.linkForm.controls.code.enable();
          // The field the person must fill in now appears: take them to it.
          afterNextRender(() => this.linkCode()?.nativeElement.focus(), { injector: this.injector });
          this.formError.set('This account uses two-step verification. Enter the code from your authenticator app.');
          return;
        }
        if (hasErrorCode(problem, 'TOO_MANY_ATTEMPTS')) {
          this.formError.set(`Too many attempts. Please ${describeWait(problem.retryAfterSeconds)}.`);
          return;
        }
        const unmatched = showFieldErrors(problem.details);
        this.formError.set(
          problem.details.length && !unmatched.length ? 'Check the highlighted fields.' : problem.message,
        );
      },
    });
  }

  private loadPending(token: string): void {
    this.token = token;
    this.auth.googlePending(token).subscribe({
      next: (pending) => {
        this.pending.set(pending);
        this.roleForm.patchValue({
          firstName: pending.firstName === '-' ? '' : pending.firstName,
          lastName: pending.lastName === '-' ? '' : pending.lastName,
        });
        this.step.set(pending.step === 'link' ? 'link' : 'choose-role');
      },
      error: (error: unknown) => this.fail(toApiProblem(error).message),
    });
  }

  private restoreSession(): void {
    // The server set the refresh cookie on its way here; exchange it for this tab's access token.
    this.auth.refresh().subscribe({
      next: () => {
        const role = this.auth.role();
        void this.router.navigateByUrl(role ? homeForRole(role) : '/', { replaceUrl: true });
      },
      error: () => this.fail('We could not finish signing you in. Start again from the sign-in page.'),
    });
  }

  private fail(message: string): void {
    this.formError.set(message);
    this.step.set('failed');
  }

  private goToArea(response: LoginResponse): void {
    void this.router.navigateByUrl(homeForRole(response.user.role), { replaceUrl: true });
  }
}
