import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminPeopleApi, type SecuritySettings as Settings } from '../users/admin-users-api';

type NumberField =
  | 'passwordMinLength'
  | 'sessionIdleTimeoutMinutes'
  | 'sessionAbsoluteLifetimeDays'
  | 'refreshTokenLifetimeDays'
  | 'lockoutThreshold'
  | 'lockoutWindowMinutes'
  | 'chatAgentCapacity';

/** Each number setting: its label, its unit and the bounds the server accepts. */
const NUMBER_FIELDS: readonly { name: NumberField; label: string; hint: string; min: number; max: number }[] = [
  { name: 'passwordMinLength', label: 'Minimum password length', hint: '8 to 64 characters', min: 8, max: 64 },
  { name: 'lockoutThreshold', label: 'Failed sign-ins before lockout', hint: '3 to 50 attempts', min: 3, max: 50 },
  { name: 'lockoutWindowMinutes', label: 'Lockout window (minutes)', hint: '1 to 1,440 minutes', min: 1, max: 1440 },
  {
    name: 'sessionIdleTimeoutMinutes',
    label: 'Sign out after inactivity (minutes)',
    hint: '5 to 43,200 minutes (30 days)',
    min: 5,
    max: 43_200,
  },
  {
    name: 'sessionAbsoluteLifetimeDays',
    label: 'Longest session (days)',
    hint: 'However active, 1 to 365 days',
    min: 1,
    max: 365,
  },
  {
    name: 'refreshTokenLifetimeDays',
    label: 'Refresh token lifetime (days)',
    hint: '1 to 90 days',
    min: 1,
    max: 90,
  },
  {
    name: 'chatAgentCapacity',
    label: 'Live chats per support agent',
    hint: 'At most 1 to 20 chats at once',
    min: 1,
    max: 20,
  },
];

/** `/admin/security-settings`: the platform's security settings; a change applies on the next request. */
@Component({
  selector: 'app-security-settings',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    FormAlert,
    ErrorState,
    LoadingState,
  ],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/admin">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <h1>Security settings</h1>
      <p class="muted">
        Changes apply to the next sign-in or request on every server, without a restart, and are recorded in the audit
        log with the old and new value.
      </p>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load the settings" [message]="message" (retry)="load()" />
      } @else if (loaded()) {
        <app-form-alert [kind]="result()?.kind ?? 'success'" [message]="result()?.message ?? null" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="save()" novalidate>
          @for (field of numberFields; track field.name) {
            <mat-form-field>
              <mat-label>{{ field.label }}</mat-label>
              <input
                matInput
                type="number"
                [formControlName]="field.name"
                [min]="field.min"
                [max]="field.max"
                required
              />
              <mat-hint>{{ field.hint }}</mat-hint>
              @if (fieldError(field.name, field.label); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
          }
          <mat-slide-toggle formControlName="rejectBreachedPasswords">
            Refuse passwords found in breached-password lists
          </mat-slide-toggle>
          <mat-slide-toggle formControlName="adminsRequireTwoFactor">
            Admins must use two-step verification (sent to set it up at sign-in)
          </mat-slide-toggle>
          <mat-slide-toggle formControlName="hideNonCompliantChildminders">
            Hide non-compliant childminders from search
          </mat-slide-toggle>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="saving()">
              @if (saving()) {
                <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
                Saving…
              } @else {
                Save settings
              }
            </button>
          </div>
        </form>
      } @else {
        <app-loading-state label="Loading the settings…" />
      }
    </div>
  `,
  styles: `
    mat-slide-toggle {
      display: block;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecuritySettings {
  private readonly api = inject(AdminPeopleApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly numberFields = NUMBER_FIELDS;
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly form = this.fb.group({
    passwordMinLength: this.bounded('passwordMinLength'),
    sessionIdleTimeoutMinutes: this.bounded('sessionIdleTimeoutMinutes'),
    sessionAbsoluteLifetimeDays: this.bounded('sessionAbsoluteLifetimeDays'),
    refreshTokenLifetimeDays: this.bounded('refreshTokenLifetimeDays'),
    lockoutThreshold: this.bounded('lockoutThreshold'),
    lockoutWindowMinutes: this.bounded('lockoutWindowMinutes'),
    chatAgentCapacity: this.bounded('chatAgentCapacity'),
    rejectBreachedPasswords: [true],
    adminsRequireTwoFactor: [false],
    hideNonCompliantChildminders: [false],
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.securitySettings().subscribe({
      next: (settings) => this.show(settings),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected fieldError(name: NumberField, label: string): string | null {
    return controlError(this.form.controls[name], label);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.saving() || this.form.invalid) return;
    this.saving.set(true);
    this.result.set(null);
    this.api.updateSecuritySettings(this.form.getRawValue()).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.show(settings);
        this.result.set({ kind: 'success', message: 'Saved. The new settings apply from the next request.' });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.details);
        this.result.set({ kind: 'error', message: problem.message });
      },
    });
  }

  /** A whole number within the bounds the server accepts for `name`. */
  private bounded(name: NumberField) {
    const { min, max } = NUMBER_FIELDS.find((field) => field.name === name)!;
    return this.fb.control(0, [Validators.required, Validators.min(min), Validators.max(max)]);
  }

  private show(settings: Settings): void {
    this.form.reset(settings);
    this.loaded.set(true);
  }
}
