import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { DisableTwoFactorRequest } from '@core/api/api-types';
import { controlError, toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AccountApi } from '../account-api';

type Method = 'code' | 'password';

/** Asks for proof (an app code or the password) before turning two-step verification off. */
@Component({
  selector: 'app-disable-two-factor-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Turn off two-step verification?</h2>
    <form [formGroup]="form" (ngSubmit)="disable()" novalidate>
      <mat-dialog-content>
        <p>Your account will be protected by your password alone. Your recovery codes will stop working.</p>
        <app-form-alert [message]="formError()" />
        <p id="method-label" class="method-label">Confirm it's you with</p>
        <mat-button-toggle-group
          [value]="method()"
          (change)="chooseMethod($event.value)"
          aria-labelledby="method-label"
          class="method"
        >
          <mat-button-toggle value="code">A code from your app</mat-button-toggle>
          <mat-button-toggle value="password">Your password</mat-button-toggle>
        </mat-button-toggle-group>
        @if (method() === 'code') {
          <mat-form-field class="full-width">
            <mat-label>Verification code</mat-label>
            <input
              matInput
              formControlName="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength="7"
              required
            />
            @if (fieldError('code'); as error) {
              <mat-error>{{ error }}</mat-error>
            }
          </mat-form-field>
        } @else {
          <mat-form-field class="full-width">
            <mat-label>Password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" required />
            @if (fieldError('password'); as error) {
              <mat-error>{{ error }}</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it on</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="busy()">Turn off</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .method-label {
      margin: 8px 0;
      font: var(--mat-sys-title-small);
    }
    .method {
      margin-bottom: 16px;
      flex-wrap: wrap;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisableTwoFactorDialog {
  private readonly api = inject(AccountApi);
  private readonly dialogRef = inject<MatDialogRef<DisableTwoFactorDialog, boolean>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly method = signal<Method>('code');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)]],
    password: [{ value: '', disabled: true }, Validators.required],
  });

  protected chooseMethod(method: Method): void {
    this.method.set(method);
    this.formError.set(null);
    const { code, password } = this.form.controls;
    if (method === 'code') {
      password.disable();
      code.enable();
    } else {
      code.disable();
      password.enable();
    }
  }

  protected fieldError(name: Method): string | null {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) return 'Enter the 6-digit code from your authenticator app';
    return controlError(control, name === 'code' ? 'Code' : 'Password');
  }

  protected disable(): void {
    this.form.markAllAsTouched();
    if (this.busy() || this.form.invalid) return;
    this.busy.set(true);
    this.formError.set(null);
    const { code, password } = this.form.getRawValue();
    const body: DisableTwoFactorRequest = this.method() === 'code' ? { code: code.replace(/\s/g, '') } : { password };
    this.api.disableTwoFactor(body).subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        const detail = problem.details.find((d) => d.field === this.method());
        if (detail) this.form.controls[this.method()].setErrors({ server: detail.message });
        this.formError.set(problem.message);
      },
    });
  }
}
