import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminComplianceApi, type ExpirationRun, type Expirations } from './admin-compliance-api';
import { describeDaysLeft, describeExpirationRun, documentTypeLabel } from './compliance-format';

/** Approved documents expiring soon or expired, per owner, and the expiry check run on demand. */
@Component({
  selector: 'app-expiring-documents',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    UkDatePipe,
    FormAlert,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './expiring-documents.html',
  styleUrl: './expiring-documents.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiringDocuments {
  private readonly api = inject(AdminComplianceApi);

  /** The check ran: documents may have expired, so statuses elsewhere on the page may have changed. */
  readonly checked = output<ExpirationRun>();

  protected readonly typeLabel = documentTypeLabel;
  protected readonly describeDaysLeft = describeDaysLeft;
  protected readonly expirations = signal<Expirations | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly running = signal(false);
  /** What the last run did (or why it failed), in a live region beside the button. */
  protected readonly runResult = signal<{ kind: AlertKind; message: string } | null>(null);

  constructor() {
    this.loadExpirations();
  }

  protected loadExpirations(): void {
    this.loadError.set(null);
    this.expirations.set(null);
    this.api.expirations().subscribe({
      next: (expirations) => this.expirations.set(expirations),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected runExpirationCheck(): void {
    if (this.running()) return;
    this.running.set(true);
    this.runResult.set(null);
    this.api.runExpirationCheck().subscribe({
      next: (run) => {
        this.running.set(false);
        // One announcement: the alert is a live region and stays on screen (a snack bar would repeat it).
        this.runResult.set({ kind: run.ran ? 'success' : 'info', message: describeExpirationRun(run) });
        this.checked.emit(run);
        this.loadExpirations();
      },
      error: (error: unknown) => {
        this.running.set(false);
        this.runResult.set({ kind: 'error', message: toApiProblem(error).message });
      },
    });
  }
}
