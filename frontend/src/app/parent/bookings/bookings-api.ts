import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  Booking,
  BookingPage,
  BookingQuote,
  BookingStatus,
  CalendarFeed,
  CreateBookingRequest,
  ParentStats,
  UpdateBookingRequest,
} from '@core/api/api-types';

export interface BookingListQuery {
  status: BookingStatus | null;
  page: number;
  pageSize: number;
}

/** The signed-in parent's bookings, calendar and dashboard figures. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly api = inject(ApiClient);

  list(query: BookingListQuery): Observable<BookingPage> {
    const { page, pageSize, status } = query;
    return this.api.get('/api/dashboard/parent/bookings', { query: { page, pageSize, status: status || undefined } });
  }

  get(id: string): Observable<Booking> {
    return this.api.get('/api/dashboard/parent/bookings/{id}', { path: { id } });
  }

  /** A dry run: the price and every rule the request would break; nothing is booked. */
  quote(body: CreateBookingRequest): Observable<BookingQuote> {
    return this.api.post('/api/dashboard/parent/bookings/quote', { body });
  }

  create(body: CreateBookingRequest): Observable<Booking> {
    return this.api.post('/api/dashboard/parent/bookings/create', { body });
  }

  modify(id: string, body: UpdateBookingRequest): Observable<Booking> {
    return this.api.patch('/api/dashboard/parent/bookings/{id}', { path: { id }, body });
  }

  cancel(id: string, reason: string): Observable<Booking> {
    return this.api.delete('/api/dashboard/parent/bookings/{id}', { path: { id }, body: { reason } });
  }

  calendar(from: string, to: string): Observable<CalendarFeed> {
    return this.api.get('/api/dashboard/parent/calendar', { query: { from, to } });
  }

  stats(): Observable<ParentStats> {
    return this.api.get('/api/dashboard/parent/stats');
  }
}
