import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadingState } from '@shared/page-state/loading-state';

type State = 'verifying' | 'verified' | 'failed';

/** The page the emailed link opens: `/verify-email?token=...` is sent to the API at once. */
@Component({
  selector: 'app-verify-email',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
    LoadingState,
  ],
  templateUrl: './verify-email.html',
  styleUrl: './verify-email.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmail implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly token = input<string>();

  protected readonly state = signal<State>('verifying');
  protected readonly message = signal<string | null>(null);
  protected readonly resending = signal(false);
  protected readonly resendMessage = signal<string | null>(null);
  protected readonly resendForm = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
  });

  ngOnInit(): void {
    const token = this.token()?.trim();
    if (!token) {
      this.state.set('failed');
      this.message.set(
        'This verification link is incomplete. Open the link from your email again, or ask for a new one below.',
      );
      return;
    }
    this.auth.verifyEmail(token).subscribe({
      next: (response) => {
        this.state.set('verified');
        this.message.set(response.message);
      },
      error: (error: unknown) => {
        this.state.set('failed');
        this.message.set(toApiProblem(error).message);
      },
    });
  }

  protected emailError(): string | null {
    return controlError(this.resendForm.controls.email, 'Email address');
  }

  protected resendVerification(): void {
    this.resendForm.markAllAsTouched();
    if (this.resendForm.invalid || this.resending()) return;
    this.resending.set(true);
    this.auth.resendVerification({ email: this.resendForm.getRawValue().email.trim() }).subscribe({
      next: (response) => {
        this.resending.set(false);
        this.resendMessage.set(response.message);
      },
      error: (error: unknown) => {
        this.resending.set(false);
        this.resendMessage.set(toApiProblem(error).message);
      },
    });
  }
}
