import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { applyFieldErrors, controlError, describeWait, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';

@Component({
  selector: 'app-forgot-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
  ],
  template: `
    <div class="page page--narrow">
      <div class="auth-panel">
        <h1>Reset your password</h1>
        @if (sentMessage(); as message) {
          <app-form-alert [message]="message" kind="success" />
          <p>
            If there's an account for that address, the email will arrive in a few minutes. The link in it works for a
            limited time.
          </p>
          <a mat-flat-button class="submit-button" routerLink="/login">Back to sign in</a>
        } @else {
          <p class="auth-panel__lead">
            Enter the email address you use for Childminder Connect and we'll send you a link to choose a new password.
          </p>
          <app-form-alert [message]="formError()" />
          <form class="form-stack" [formGroup]="form" (ngSubmit)="sendResetLink()" novalidate>
            <mat-form-field>
              <mat-label>Email address</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" inputmode="email" required />
              @if (emailError(); as error) {
                <mat-error>{{ error }}</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" class="submit-button full-width" [disabled]="submitting()">
              Send reset link
            </button>
          </form>
          <p class="auth-panel__footer"><a routerLink="/login">Back to sign in</a></p>
        }
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPassword {
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly sentMessage = signal<string | null>(null);
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected emailError(): string | null {
    return controlError(this.form.controls.email, 'Email address');
  }

  protected sendResetLink(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.formError.set(null);
    this.auth.forgotPassword({ email: this.form.getRawValue().email.trim() }).subscribe({
      next: (response) => {
        this.submitting.set(false);
        this.sentMessage.set(response.message);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.details);
        this.formError.set(
          problem.status === 429
            ? `Too many requests. Please ${describeWait(problem.retryAfterSeconds)}.`
            : problem.message,
        );
      },
    });
  }
}
