import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ActivityPage, SessionInfo } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AccountApi } from '../account-api';
import { activityIcon, describeDevice } from './activity-format';

/** Recent sign-ins and account changes, newest first, a page at a time. */
@Component({
  selector: 'app-activity',
  imports: [MatIconModule, MatPaginatorModule, MatProgressBarModule, UkDatePipe, EmptyState, ErrorState, LoadingState],
  templateUrl: './activity.html',
  styleUrl: './activity.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Activity {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);

  protected readonly pageSizeOptions = [10, 20, 50];
  protected readonly result = signal<ActivityPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly session = signal<SessionInfo | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);
  protected readonly activityIcon = activityIcon;
  protected readonly describeDevice = describeDevice;

  constructor() {
    this.loadPage();
    this.auth.session().subscribe({
      next: (response) => this.session.set(response.session),
      // The current-session summary is extra information; the list works without it.
      error: () => this.session.set(null),
    });
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageSize === this.pageSize() ? event.pageIndex : 0);
    this.pageSize.set(event.pageSize);
    this.loadPage();
  }

  protected loadPage(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.activity(this.pageIndex() + 1, this.pageSize()).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.result.set(page);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(toApiProblem(error).message);
      },
    });
  }
}
