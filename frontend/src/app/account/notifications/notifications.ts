import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { NotificationPreference, NotificationPreferenceUpdate } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { FormAlert } from '@shared/form-alert/form-alert';
import { AccountApi } from '../account-api';

type Channel = 'email' | 'inApp';

/** Which messages reach the user, per type and channel; saved together with one button. */
@Component({
  selector: 'app-notifications',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    EmptyState,
    ErrorState,
    FormAlert,
    LoadingState,
  ],
  templateUrl: './notifications.html',
  styleUrl: './notifications.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Notifications {
  private readonly api = inject(AccountApi);
  private readonly notifier = inject(Notifier);

  /** As last loaded or saved. */
  private readonly saved = signal<readonly NotificationPreference[] | null>(null);
  /** As shown, with the user's unsaved changes. */
  protected readonly rows = signal<readonly NotificationPreference[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly loaded = computed(() => this.saved() !== null);
  protected readonly hasLocked = computed(() => this.rows().some((row) => row.locked));
  protected readonly changes = computed<NotificationPreferenceUpdate[]>(() => {
    const saved = new Map((this.saved() ?? []).map((pref) => [pref.type, pref]));
    return this.rows()
      .filter((row) => {
        const before = saved.get(row.type);
        return !row.locked && before && (before.email !== row.email || before.inApp !== row.inApp);
      })
      .map(({ type, email, inApp }) => ({ type, email, inApp }));
  });

  constructor() {
    this.loadPreferences();
  }

  protected loadPreferences(): void {
    this.loadError.set(null);
    this.saved.set(null);
    this.api.notificationPreferences().subscribe({
      next: (response) => this.showPreferences(response.preferences),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected setChannel(type: string, channel: Channel, enabled: boolean): void {
    this.rows.update((rows) => rows.map((row) => (row.type === type ? { ...row, [channel]: enabled } : row)));
  }

  protected discardChanges(): void {
    this.rows.set(this.saved() ?? []);
    this.formError.set(null);
  }

  protected savePreferences(): void {
    const changes = this.changes();
    if (this.saving() || !changes.length) return;
    this.saving.set(true);
    this.formError.set(null);
    this.api.updateNotificationPreferences(changes).subscribe({
      next: (response) => {
        this.saving.set(false);
        this.showPreferences(response.preferences);
        this.notifier.success('Your notification preferences have been saved.');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(toApiProblem(error).message);
      },
    });
  }

  private showPreferences(preferences: readonly NotificationPreference[]): void {
    this.saved.set(preferences);
    this.rows.set(preferences);
  }
}
