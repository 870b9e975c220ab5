import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  afterNextRender,
  inject,
  input,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import type { RegisterRequest, RegisterRole } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import {
  PASSWORD_HINT,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  UK_POSTCODE_PATTERN,
} from '@core/auth/password-policy';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { GoogleButton } from '../google-sign-in/google-button';

type Field = 'firstName' | 'lastName' | 'email' | 'password' | 'postcode' | 'role' | 'acceptPrivacyNotice';

@Component({
  selector: 'app-register',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    FormAlert,
    GoogleButton,
  ],
  templateUrl: './register.html',
  styleUrl: './register.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Register implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly doneHeading = viewChild<ElementRef<HTMLElement>>('doneHeading');

  /** `?role=childminder` from the home page's buttons. */
  readonly role = input<string>();

  protected readonly passwordHint = PASSWORD_HINT;
  protected readonly submitting = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly registeredEmail = signal<string | null>(null);
  protected readonly resendState = signal<'idle' | 'sending' | 'sent'>('idle');
  protected readonly resendMessage = signal<string | null>(null);

  protected readonly form = this.fb.group({
    role: this.fb.control<RegisterRole>('parent', Validators.required),
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    postcode: ['', Validators.pattern(UK_POSTCODE_PATTERN)],
    acceptPrivacyNotice: [false, Validators.requiredTrue],
  });

  ngOnInit(): void {
    if (this.role() === 'childminder') this.form.controls.role.setValue('childminder');
  }

  protected postcodeHint(): string {
    return this.form.controls.role.value === 'childminder'
      ? 'Where you look after children.'
      : 'So we can show childminders near you.';
  }

  protected fieldError(name: Field, label: string): string | null {
    const control = this.form.controls[name];
    if (name === 'postcode' && control.hasError('pattern')) return 'Enter a UK postcode, like SW1A 1AA';
    return controlError(control, label);
  }

  /** Shown once the person tried to register, or the server refused the missing consent. */
  protected consentError(): string | null {
    const control = this.form.controls.acceptPrivacyNotice;
    if (!control.touched || control.valid) return null;
    return control.hasError('server')
      ? String(control.getError('server'))
      : 'Tick the box to agree to the privacy notice: we cannot create an account without it.';
  }

  protected togglePassword(): void {
    this.showPassword.update((shown) => !shown);
  }

  protected createAccount(): void {
    if (this.submitting()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Check the highlighted fields.');
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    const body: RegisterRequest = {
      role: value.role,
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim(),
      password: value.password,
      acceptPrivacyNotice: true,
      ...(value.postcode.trim() ? { postcode: value.postcode.trim().toUpperCase() } : {}),
    };

    this.auth.register(body).subscribe({
      next: (response) => {
        this.submitting.set(false);
        this.registeredEmail.set(response.user.email);
        // One message: the heading and the paragraph below it, read when the heading takes focus.
        afterNextRender(() => this.doneHeading()?.nativeElement.focus(), { injector: this.injector });
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

  protected resendVerification(): void {
    const email = this.registeredEmail();
    if (!email || this.resendState() === 'sending') return;
    this.resendState.set('sending');
    this.auth.resendVerification({ email }).subscribe({
      next: (response) => {
        this.resendState.set('sent');
        this.resendMessage.set(response.message);
      },
      error: (error: unknown) => {
        this.resendState.set('idle');
        this.resendMessage.set(toApiProblem(error).message);
      },
    });
  }
}
