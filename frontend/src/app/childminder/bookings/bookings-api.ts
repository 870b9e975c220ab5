import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
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

const BASE = '/api/dashboard/childminder';

/** The signed-in childminder's bookings, stats and calendar. */
@Injectable({ providedIn: 'root' })
export class ChildminderBookingsApi {
  private readonly http = inject(HttpClient);

  list(filter: BookingFilter): Observable<BookingPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    if (filter.status) params = params.set('status', filter.status);
    return this.http.get<BookingPage>(`${BASE}/bookings`, { params });
  }

  get(id: string): Observable<Booking> {
    return this.http.get<Booking>(`${BASE}/bookings/${encodeURIComponent(id)}`);
  }

  /** Confirm, reject (with a reason) or cancel a confirmed booking (with a reason). */
  answer(id: string, body: RespondToBookingRequest): Observable<Booking> {
    return this.http.patch<Booking>(`${BASE}/bookings/${encodeURIComponent(id)}`, body);
  }

  stats(): Observable<ChildminderStats> {
    return this.http.get<ChildminderStats>(`${BASE}/stats`);
  }

  /** Availability, time off and booking sessions between two instants or UK dates. */
  calendar(from: string, to: string): Observable<CalendarFeed> {
    return this.http.get<CalendarFeed>(`${BASE}/calendar`, {
      params: new HttpParams().set('from', from).set('to', to),
    });
  }
}
