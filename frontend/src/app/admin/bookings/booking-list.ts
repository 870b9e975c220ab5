import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Booking, BookingPage, BookingStatus } from '@core/api/api-types';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  describeChildren,
  formatPence,
  parentName,
} from '@shared/bookings/booking-format';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
import { addDays } from '../../childminder/availability/block-times';
import { AdminBookingsApi } from './admin-bookings-api';

/** `/admin/bookings`: every booking, latest start first, filtered by status, dates and people. */
@Component({
  selector: 'app-admin-booking-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PagedList,
    PageRows,
  ],
  templateUrl: './booking-list.html',
  styleUrl: './booking-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingList {
  private readonly api = inject(AdminBookingsApi);

  protected readonly statuses = BOOKING_STATUSES;
  protected readonly statusLabels = BOOKING_STATUS_LABELS;
  protected readonly describeChildren = describeChildren;
  protected readonly formatPence = formatPence;
  protected readonly parentName = parentName;

  protected status: BookingStatus | '' = '';
  protected from = '';
  protected to = '';
  protected childminderId = '';
  protected parentId = '';
  protected readonly childminderName = signal<string | null>(null);
  protected readonly parentFilterName = signal<string | null>(null);
  protected readonly list = new PagedListState<Booking, BookingPage>(({ page, pageSize }) =>
    this.api.list({
      status: this.status,
      from: this.from,
      // The API's `to` is exclusive (UK midnight): include the whole last day.
      to: this.to ? addDays(this.to, 1) : '',
      childminderId: this.childminderId,
      parentId: this.parentId,
      page,
      pageSize,
    }),
  );

  constructor() {
    this.list.reload();
  }

  protected applyFilters(): void {
    this.list.firstPage();
  }

  protected clearFilters(): void {
    this.status = '';
    this.from = '';
    this.to = '';
    this.childminderId = '';
    this.parentId = '';
    this.childminderName.set(null);
    this.parentFilterName.set(null);
    this.applyFilters();
  }

  protected onlyChildminder(booking: Booking): void {
    this.childminderId = booking.childminder.userId;
    this.childminderName.set(booking.childminder.displayName);
    this.applyFilters();
  }

  protected onlyParent(booking: Booking): void {
    this.parentId = booking.parent.id;
    this.parentFilterName.set(parentName(booking));
    this.applyFilters();
  }
}
