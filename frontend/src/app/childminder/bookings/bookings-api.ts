import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  Booking,
  BookingPage,
  BookingStatus,
  CalendarFeed,
  ChildminderStats,
  RespondToBookingRequest,
} from '@core/api/api-types';

export interface BookingFilter {
  status: BookingStatus | '';
  page: number;
  pageSize: number;
}

/** The signed-in childminder's bookings, stats and calendar. */
@Injectable({ providedIn: 'root' })
export class ChildminderBookingsApi {
  private readonly api = inject(ApiClient);

  list(filter: BookingFilter): Observable<BookingPage> {
    const { page, pageSize, status } = filter;
    return this.api.get('/api/dashboard/childminder/bookings', {
      query: { page, pageSize, status: status || undefined },
    });
  }

  get(id: string): Observable<Booking> {
    return this.api.get('/api/dashboard/childminder/bookings/{id}', { path: { id } });
  }

  /** Confirm, reject (with a reason) or cancel a confirmed booking (with a reason). */
  answer(id: string, body: RespondToBookingRequest): Observable<Booking> {
    return this.api.patch('/api/dashboard/childminder/bookings/{id}', { path: { id }, body });
  }

  stats(): Observable<ChildminderStats> {
    return this.api.get('/api/dashboard/childminder/stats');
  }

  /** Availability, time off and booking sessions between two instants or UK dates. */
  calendar(from: string, to: string): Observable<CalendarFeed> {
    return this.api.get('/api/dashboard/childminder/calendar', { query: { from, to } });
  }
}
