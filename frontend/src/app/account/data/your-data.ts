import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { FormAlert } from '@shared/form-alert/form-alert';

/**
 * `/account/data`: "Download my data" (everything held about me, as JSON) and "Delete my
 * account" (after the password or a two-step code, and a tick to confirm): UK GDPR articles 15,
 * 17 and 20 without writing to anyone.
 */
@Component({
  selector: 'app-your-data',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    FormAlert,
  ],
  template: `
    <section class="section" aria-labelledby="download-title">
      <h2 id="download-title">Download my data</h2>
      <p class="section__intro">
        A file with everything we hold about you: your account, children, bookings, messages, documents (not the files
        themselves), payments and activity.
      </p>
      <app-form-alert [message]="downloadError()" />
      <button mat-stroked-button type="button" [disabled]="downloading()" (click)="downloadData()">
        <mat-icon aria-hidden="true">download</mat-icon>
        {{ downloading() ? 'Preparing…' : 'Download my data' }}
      </button>
    </section>

    <section class="section" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete my account</h2>
      <p class="section__intro">
        We remove your personal data everywhere and delete your files, and you are signed out on every device. Bookings
        and payments are kept without your name, as the law requires. This cannot be undone.
      </p>
      <app-form-alert [message]="deleteError()" />
      <form class="form-stack" [formGroup]="form" (ngSubmit)="deleteAccount()" novalidate>
        <mat-form-field>
          <mat-label>Your password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" />
          <mat-hint>Or leave it empty and give a code from your authenticator app</mat-hint>
          @if (fieldError('password', 'Password'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Two-step code (optional)</mat-label>
          <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />
          @if (fieldError('code', 'Code'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="understood">I understand that my account and data cannot be recovered</mat-checkbox>
        <div class="form-actions">
          <button mat-flat-button type="submit" class="danger" [disabled]="deleting() || !form.controls.understood.value">
            @if (deleting()) {
              <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
              Deleting…
            } @else {
              Delete my account
            }
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class YourData {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    password: [''],
    code: ['', Validators.pattern(/^\d{6}$/)],
    understood: [false, Validators.requiredTrue],
  });

  protected fieldError(name: 'password' | 'code', label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected downloadData(): void {
    this.downloading.set(true);
    this.downloadError.set(null);
    this.http.get('/api/user/data-export', { responseType: 'blob' }).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = 'childminder-connect-my-data.json';
        link.click();
        URL.revokeObjectURL(url);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.downloadError.set(toApiProblem(error).message);
      },
    });
  }

  protected deleteAccount(): void {
    this.form.markAllAsTouched();
    const { password, code } = this.form.getRawValue();
    if (!password && !code) {
      this.deleteError.set('Enter your password, or a code from your authenticator app.');
      return;
    }
    if (this.deleting() || this.form.invalid) return;
    this.deleting.set(true);
    this.deleteError.set(null);
    const body = password ? { password } : { code };
    this.api.post('/api/user/delete-account', { body }).subscribe({
      next: () => {
        this.auth.clearSession();
        this.notifier.success('Your account has been deleted. Goodbye, and thank you.');
        void this.router.navigateByUrl('/');
      },
      error: (error: unknown) => {
        this.deleting.set(false);
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.details);
        this.deleteError.set(problem.message);
      },
    });
  }
}
