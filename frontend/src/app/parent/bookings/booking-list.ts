import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { formatPence } from '@shared/money/format-pence';
import { STATUS_FILTERS, STATUS_LABELS } from './booking-rules';
import type { BookingPage, BookingStatus } from '@core/api/api-types';
import { BookingStatusPill } from './booking-status-pill';
import { BookingsApi } from './bookings-api';

type ListState = { kind: 'loading' } | { kind: 'loaded'; page: BookingPage } | { kind: 'error'; message: string };

const PAGE_SIZE = 10;

const isStatus = (value: string | undefined): value is BookingStatus =>
  !!value && (STATUS_FILTERS as readonly string[]).includes(value);

/** `/parent/bookings?status=&page=`: the parent's bookings, latest start first; the filter and page live in the URL. */
@Component({
  selector: 'app-booking-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatPaginatorModule,
    BookingStatusPill,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './booking-list.html',
  styleUrl: './booking-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingList {
  private readonly api = inject(BookingsApi);
  private readonly router = inject(Router);

  /** `?status=` and `?page=` (component input binding). */
  readonly status = input<string>();
  readonly page = input<string>();

  protected readonly statusFilters = STATUS_FILTERS;
  /** Short words for the filter chips; the pills keep the longer ones. */
  protected readonly filterLabels = { ...STATUS_LABELS, pending: 'Pending' };
  protected readonly formatPence = formatPence;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly activeStatus = computed(() => {
    const status = this.status();
    return isStatus(status) ? status : null;
  });
  protected readonly pageIndex = computed(() => Math.max(0, (Number(this.page()) || 1) - 1));
  protected readonly state = signal<ListState>({ kind: 'loading' });
  private readonly attempt = signal(0);

  constructor() {
    const query = computed(() => ({
      status: this.activeStatus(),
      page: this.pageIndex() + 1,
      pageSize: PAGE_SIZE,
      attempt: this.attempt(),
    }));
    toObservable(query)
      .pipe(
        switchMap((q) => {
          this.state.set({ kind: 'loading' });
          return this.api.list(q).pipe(
            map((page): ListState => ({ kind: 'loaded', page })),
            catchError((error: unknown) => of<ListState>({ kind: 'error', message: toApiProblem(error).message })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }

  /** From the chips: "all", a status, or undefined when the selected chip is deselected. */
  protected filterBy(value: unknown): void {
    const status = typeof value === 'string' && isStatus(value) ? value : null;
    void this.router.navigate([], { queryParams: { status, page: null } });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex + 1 }, queryParamsHandling: 'merge' });
  }

  protected childNames(booking: { children: readonly { firstName: string }[] }): string {
    return booking.children.map((c) => c.firstName).join(', ');
  }
}
