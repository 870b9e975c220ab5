import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { TwoFactorSetup, TwoFactorStatus } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe, formatUkDate } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AccountApi } from '../account-api';
import { DisableTwoFactorDialog } from './disable-two-factor-dialog';

/** Recovery codes left at which we suggest turning 2FA off and on again for a fresh set. */
const LOW_RECOVERY_CODES = 3;

@Component({
  selector: 'app-two-factor',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    UkDatePipe,
    FormAlert,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './two-factor.html',
  styleUrl: './two-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactor {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);
  /** The heading of whichever step is showing: focus moves there when the step changes. */
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  protected readonly status = signal<TwoFactorStatus | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly setup = signal<TwoFactorSetup | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  protected readonly codesSaved = signal(false);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly formattedSecret = computed(() => this.setup()?.secret.replace(/(.{4})(?=.)/g, '$1 ') ?? '');
  protected readonly lowOnCodes = computed(() => {
    const status = this.status();
    return !!status?.enabled && status.recoveryCodesRemaining <= LOW_RECOVERY_CODES;
  });

  protected readonly codeForm = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)]],
  });

  constructor() {
    this.loadStatus();
  }

  protected loadStatus(): void {
    this.loadError.set(null);
    this.status.set(null);
    this.api.twoFactorStatus().subscribe({
      next: (status) => this.status.set(status),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected codeError(): string | null {
    const control = this.codeForm.controls.code;
    if (control.hasError('pattern')) return 'Enter the 6-digit code from your authenticator app';
    return controlError(control, 'Code');
  }

  protected startSetup(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    this.api.startTwoFactorSetup().subscribe({
      next: (setup) => {
        this.busy.set(false);
        this.codeForm.reset();
        this.setup.set(setup);
        this.focusStepHeading();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.formError.set(toApiProblem(error).message);
      },
    });
  }

  protected cancelSetup(): void {
    this.setup.set(null);
    this.formError.set(null);
  }

  protected copySecret(): void {
    const secret = this.setup()?.secret;
    if (secret && this.clipboard.copy(secret)) this.notifier.success('Setup key copied.');
  }

  protected confirmSetup(): void {
    this.codeForm.markAllAsTouched();
    if (this.busy() || this.codeForm.invalid) return;
    this.busy.set(true);
    this.formError.set(null);
    const code = this.codeForm.getRawValue().code.replace(/\s/g, '');
    this.api.enableTwoFactor(code).subscribe({
      next: (response) => {
        this.busy.set(false);
        this.setup.set(null);
        this.codesSaved.set(false);
        this.recoveryCodes.set(response.recoveryCodes);
        this.auth.updateUser({ twoFactorEnabled: true });
        this.focusStepHeading();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        const codeDetail = problem.details.find((detail) => detail.field === 'code');
        if (codeDetail) this.codeForm.controls.code.setErrors({ server: codeDetail.message });
        this.formError.set(
          codeDetail
            ? "That code didn't work. Check the time on your phone is right, then enter the newest code."
            : problem.message,
        );
      },
    });
  }

  protected copyRecoveryCodes(): void {
    if (this.clipboard.copy(this.recoveryCodes().join('\n'))) this.notifier.success('Recovery codes copied.');
  }

  protected downloadRecoveryCodes(): void {
    const user = this.auth.user();
    const text = [
      'Childminder Connect recovery codes',
      user ? `Account: ${user.email}` : '',
      `Created: ${formatUkDate(new Date())}`,
      '',
      'Each code can be used once to sign in if you cannot use your authenticator app.',
      '',
      ...this.recoveryCodes(),
      '',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'childminder-connect-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  protected finishSetup(): void {
    this.recoveryCodes.set([]);
    this.notifier.success('Two-step verification is on.');
    this.loadStatus();
  }

  private focusStepHeading(): void {
    // After the view has rendered the new step.
    setTimeout(() => this.stepHeading()?.nativeElement.focus());
  }

  protected turnOff(): void {
    this.dialog
      .open(DisableTwoFactorDialog, { width: '480px', maxWidth: 'calc(100vw - 32px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((disabled?: boolean) => {
        if (!disabled) return;
        this.auth.updateUser({ twoFactorEnabled: false });
        this.notifier.success('Two-step verification is off.');
        this.loadStatus();
      });
  }
}
