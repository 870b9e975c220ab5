import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type Maintenance, OperationsApi } from '../operations/operations-api';

/** ISO instant to the `datetime-local` text of the same moment in the browser's time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * `/admin/maintenance`: turn maintenance mode on or off with the message users see and when it
 * should end. While it is on, everyone but admins gets the maintenance page, on every server.
 */
@Component({
  selector: 'app-maintenance-settings',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSlideToggleModule,
    UkDatePipe,
    FormAlert,
    ErrorState,
    LoadingState,
  ],
  template: `
    <div class="page">
      <a class="back-link" routerLink="/admin">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <h1>Maintenance mode</h1>
      <p class="intro muted">
        While maintenance mode is on, parents, childminders and support agents see a maintenance page with your message
        (and the API answers them 503). Admins keep working and can sign in to turn it off.
      </p>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't read the maintenance switch" [message]="message" (retry)="load()" />
      } @else if (state(); as state) {
        <p class="status" #status tabindex="-1">
          <span [class]="'badge ' + (state.enabled ? 'badge--warn' : 'badge--ok')">
            <mat-icon aria-hidden="true">{{ state.enabled ? 'construction' : 'check_circle' }}</mat-icon>
            {{ state.enabled ? 'On: the site is in maintenance' : 'Off: the site is open' }}
          </span>
          @if (state.updatedAt) {
            <span class="muted">since {{ state.updatedAt | ukDate }}</span>
          }
        </p>
        <form [formGroup]="form" (ngSubmit)="save()" class="form" aria-label="Maintenance mode">
          <mat-slide-toggle formControlName="enabled">Maintenance mode on</mat-slide-toggle>
          <mat-form-field class="wide">
            <mat-label>Message for users</mat-label>
            <textarea
              matInput
              formControlName="message"
              rows="3"
              maxlength="500"
              aria-describedby="message-hint"
            ></textarea>
            <mat-hint id="message-hint"
              >Shown on the maintenance page. {{ form.controls.message.value.length }}/500</mat-hint
            >
          </mat-form-field>
          <mat-form-field>
            <mat-label>Expected back by (optional)</mat-label>
            <input matInput type="datetime-local" formControlName="expectedEndAt" aria-describedby="end-hint" />
            <mat-hint id="end-hint">Clients are told to retry then</mat-hint>
          </mat-form-field>
          <div>
            <button mat-flat-button type="submit" [disabled]="saving()" disabledInteractive>Save</button>
          </div>
        </form>
        <app-form-alert [kind]="result()?.kind ?? 'success'" [message]="result()?.message ?? null" />
      } @else {
        <app-loading-state label="Reading the maintenance switch…" />
      }
    </div>
  `,
  styles: `
    .intro {
      margin: 8px 0 16px;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .status:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 4px;
    }
    .form {
      display: grid;
      gap: 16px;
      max-width: 640px;
      margin: 16px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaintenanceSettings {
  private readonly api = inject(OperationsApi);
  private readonly statusLine = viewChild<ElementRef<HTMLElement>>('status');

  protected readonly state = signal<Maintenance | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    enabled: false,
    message: ['', Validators.maxLength(500)],
    expectedEndAt: '',
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.maintenance().subscribe({
      next: (state) => this.show(state),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected save(): void {
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.result.set(null);
    this.api
      .updateMaintenance({
        enabled: value.enabled,
        message: value.message,
        expectedEndAt: value.expectedEndAt ? new Date(value.expectedEndAt).toISOString() : null,
      })
      .subscribe({
        next: (state) => {
          this.saving.set(false);
          this.show(state);
          this.result.set({
            kind: 'success',
            message: state.enabled
              ? 'Maintenance mode is on for every server.'
              : 'Maintenance mode is off: the site is open.',
          });
          setTimeout(() => this.statusLine()?.nativeElement.focus());
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.result.set({ kind: 'error', message: toApiProblem(error).message });
        },
      });
  }

  private show(state: Maintenance): void {
    this.state.set(state);
    this.form.reset({
      enabled: state.enabled,
      message: state.message,
      expectedEndAt: toLocalInput(state.expectedEndAt),
    });
  }
}
