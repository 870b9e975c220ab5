import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { applyFieldErrors, controlError, toApiProblem } from '@core/errors/api-error';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type AdminSettings as Settings, AdminPeopleApi } from '../users/admin-users-api';

type Choice = Settings['notifications'][number];

/** `/admin/settings`: which admin events reach me and how, and my own profile (not email or role). */
@Component({
  selector: 'app-admin-settings',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
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
      <h1>My admin settings</h1>
      <app-form-alert [kind]="result()?.kind ?? 'success'" [message]="result()?.message ?? null" />
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load your settings" [message]="message" (retry)="load()" />
      } @else if (choices(); as rows) {
        <section class="section" aria-labelledby="events-title">
          <h2 id="events-title">Admin events</h2>
          @if (twoFactor(); as tf) {
            @if (tf.required && !tf.enabled) {
              <p class="warn">
                Admins must use two-step verification. <a routerLink="/account/two-factor">Set it up now</a>.
              </p>
            }
          }
          <table class="table">
            <caption class="visually-hidden">
              How each admin event reaches you
            </caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Email</th>
                <th scope="col">In the app</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows; track row.event) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td>
                    <mat-checkbox [(ngModel)]="row.email" [aria-label]="row.label + ' by email'" />
                  </td>
                  <td>
                    <mat-checkbox [(ngModel)]="row.inApp" [aria-label]="row.label + ' in the app'" />
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <div class="form-actions">
            <button mat-flat-button type="button" [disabled]="saving()" (click)="saveChoices(rows)">Save events</button>
          </div>
        </section>

        <section class="section" aria-labelledby="profile-title">
          <h2 id="profile-title">My profile</h2>
          <form class="form-stack" [formGroup]="profile" (ngSubmit)="saveProfile()" novalidate>
            <mat-form-field>
              <mat-label>First name</mat-label>
              <input matInput formControlName="firstName" autocomplete="given-name" required />
              @if (fieldError('firstName', 'First name'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Last name</mat-label>
              <input matInput formControlName="lastName" autocomplete="family-name" required />
              @if (fieldError('lastName', 'Last name'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>Phone</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="tel" />
              @if (fieldError('phone', 'Phone'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <p class="muted">Your email address and role are changed by a super admin.</p>
            <div class="form-actions">
              <button mat-flat-button type="submit" [disabled]="saving()">Save profile</button>
            </div>
          </form>
        </section>
      } @else {
        <app-loading-state label="Loading your settings…" />
      }
    </div>
  `,
  styles: `
    .table th[scope='row'] {
      font-weight: normal;
      text-align: left;
    }
    .warn {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminSettings {
  private readonly api = inject(AdminPeopleApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly choices = signal<Choice[] | null>(null);
  protected readonly twoFactor = signal<{ enabled: boolean; required: boolean } | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly profile = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    phone: [''],
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.settings().subscribe({
      next: (settings) => this.showSettings(settings),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
    this.api.profile().subscribe({
      next: (me) => this.profile.reset({ firstName: me.firstName, lastName: me.lastName, phone: me.phone ?? '' }),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected fieldError(name: 'firstName' | 'lastName' | 'phone', label: string): string | null {
    return controlError(this.profile.controls[name], label);
  }

  protected saveChoices(rows: Choice[]): void {
    this.saving.set(true);
    const notifications = rows.map(({ event, email, inApp }) => ({ event, email, inApp }));
    this.api.updateSettings({ notifications }).subscribe({
      next: (settings) => this.saved('Your admin event settings are saved.', () => this.showSettings(settings)),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected saveProfile(): void {
    this.profile.markAllAsTouched();
    if (this.saving() || this.profile.invalid) return;
    this.saving.set(true);
    const { firstName, lastName, phone } = this.profile.getRawValue();
    this.api.updateProfile({ firstName, lastName, phone: phone.trim() || null }).subscribe({
      next: () => this.saved('Your profile is saved.'),
      error: (error: unknown) => this.failed(error),
    });
  }

  private showSettings(settings: Settings): void {
    this.choices.set(settings.notifications.map((row) => ({ ...row })));
    this.twoFactor.set({ enabled: settings.twoFactorEnabled, required: settings.twoFactorRequired });
  }

  private saved(message: string, then?: () => void): void {
    this.saving.set(false);
    then?.();
    this.result.set({ kind: 'success', message });
  }

  private failed(error: unknown): void {
    this.saving.set(false);
    const problem = toApiProblem(error);
    applyFieldErrors(this.profile, problem.details);
    this.result.set({ kind: 'error', message: problem.message });
  }
}
