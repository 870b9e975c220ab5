import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { BookingPage, BookingStatus } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  describeChildren,
  formatPence,
  parentName,
  sortPendingFirst,
} from '@shared/bookings/booking-format';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChildminderBookingsApi } from './bookings-api';

/** `/childminder/bookings`: requests and bookings, waiting requests first. */
@Component({
  selector: 'app-booking-inbox',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatSelectModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './booking-inbox.html',
  styleUrl: './booking-inbox.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingInbox {
  private readonly api = inject(ChildminderBookingsApi);

  protected readonly statuses = BOOKING_STATUSES;
  protected readonly statusLabels = BOOKING_STATUS_LABELS;
  protected readonly describeChildren = describeChildren;
  protected readonly formatPence = formatPence;
  protected readonly parentName = parentName;

  protected readonly status = signal<BookingStatus | ''>('pending');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);
  protected readonly page = signal<BookingPage | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly bookings = computed(() => sortPendingFirst(this.page()?.items ?? []));

  constructor() {
    this.loadBookings();
  }

  protected filterByStatus(status: BookingStatus | ''): void {
    this.status.set(status);
    this.pageIndex.set(0);
    this.loadBookings();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.loadBookings();
  }

  protected loadBookings(): void {
    this.loadError.set(null);
    this.page.set(null);
    this.api.list({ status: this.status(), page: this.pageIndex() + 1, pageSize: this.pageSize() }).subscribe({
      next: (page) => this.page.set(page),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }
}
