import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Booking, BookingPage, BookingStatus } from '@core/api/api-types';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  describeChildren,
  formatPence,
  parentName,
  sortPendingFirst,
} from '@shared/bookings/booking-format';
import { UkDatePipe } from '@shared/dates/uk-date';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
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
    MatSelectModule,
    UkDatePipe,
    PagedList,
    PageRows,
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

  /**
   * Opens on every booking, requests first (sortPendingFirst), so confirmed bookings are never
   * hidden behind the "waiting for an answer" view.
   */
  protected readonly status = signal<BookingStatus | ''>('');
  protected readonly list = new PagedListState<Booking, BookingPage>(({ page, pageSize }) =>
    this.api.list({ status: this.status(), page, pageSize }),
  );
  protected readonly bookings = computed(() => sortPendingFirst(this.list.value()?.items ?? []));

  constructor() {
    this.list.reload();
  }

  protected filterByStatus(status: BookingStatus | ''): void {
    this.status.set(status);
    this.list.firstPage();
  }
}
