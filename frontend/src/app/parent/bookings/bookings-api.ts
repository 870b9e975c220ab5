import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  Booking,
  BookingPage,
  BookingQuote,
  BookingStatus,
  CalendarFeed,
  CreateBookingRequest,
  ParentStats,
  UpdateBookingRequest,
} from './booking-types';

const BASE = '/api/dashboard/parent';

export interface BookingListQuery {
  status: BookingStatus | null;
  page: number;
  pageSize: number;
}

/** The signed-in parent's bookings, calendar and dashboard figures. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  private readonly http = inject(HttpClient);

  list(query: BookingListQuery): Observable<BookingPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<BookingPage>(`${BASE}/bookings`, { params });
  }

  get(id: string): Observable<Booking> {
    return this.http.get<Booking>(`${BASE}/bookings/${encodeURIComponent(id)}`);
  }

  /** A dry run: the price and every rule the request would break; nothing is booked. */
  quote(body: CreateBookingRequest): Observable<BookingQuote> {
    return this.http.post<BookingQuote>(`${BASE}/bookings/quote`, body);
  }

  create(body: CreateBookingRequest): Observable<Booking> {
    return this.http.post<Booking>(`${BASE}/bookings/create`, body);
  }

  modify(id: string, body: UpdateBookingRequest): Observable<Booking> {
    return this.http.patch<Booking>(`${BASE}/bookings/${encodeURIComponent(id)}`, body);
  }

  cancel(id: string, reason: string): Observable<Booking> {
    return this.http.delete<Booking>(`${BASE}/bookings/${encodeURIComponent(id)}`, { body: { reason } });
  }

  calendar(from: string, to: string): Observable<CalendarFeed> {
    return this.http.get<CalendarFeed>(`${BASE}/calendar`, {
      params: new HttpParams().set('from', from).set('to', to),
    });
  }

  stats(): Observable<ParentStats> {
    return this.http.get<ParentStats>(`${BASE}/stats`);
  }
}
