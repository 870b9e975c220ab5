import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { Booking, BookingPage, BookingStatus } from '@core/api/api-types';

export interface AdminBookingFilter {
  status: BookingStatus | '';
  /** UK date (YYYY-MM-DD): bookings still running on or after it */
  from: string;
  /** UK date (YYYY-MM-DD): bookings starting before the end of it */
  to: string;
  /** User ids */
  childminderId: string;
  parentId: string;
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AdminBookingsApi {
  private readonly api = inject(ApiClient);

  list(filter: AdminBookingFilter): Observable<BookingPage> {
    return this.api.get('/api/admin/bookings', {
      query: {
        page: filter.page,
        pageSize: filter.pageSize,
        status: filter.status || undefined,
        from: filter.from || undefined,
        to: filter.to || undefined,
        childminderId: filter.childminderId.trim() || undefined,
        parentId: filter.parentId.trim() || undefined,
      },
    });
  }

  get(id: string): Observable<Booking> {
    return this.api.get('/api/admin/bookings/{id}', { path: { id } });
  }

  cancel(id: string, reason: string): Observable<Booking> {
    return this.api.delete('/api/admin/bookings/{id}', { path: { id }, body: { reason } });
  }
}
