import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
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

const BASE = '/api/admin/bookings';

@Injectable({ providedIn: 'root' })
export class AdminBookingsApi {
  private readonly http = inject(HttpClient);

  list(filter: AdminBookingFilter): Observable<BookingPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    if (filter.status) params = params.set('status', filter.status);
    if (filter.from) params = params.set('from', filter.from);
    if (filter.to) params = params.set('to', filter.to);
    if (filter.childminderId.trim()) params = params.set('childminderId', filter.childminderId.trim());
    if (filter.parentId.trim()) params = params.set('parentId', filter.parentId.trim());
    return this.http.get<BookingPage>(BASE, { params });
  }

  get(id: string): Observable<Booking> {
    return this.http.get<Booking>(`${BASE}/${encodeURIComponent(id)}`);
  }

  cancel(id: string, reason: string): Observable<Booking> {
    return this.http.delete<Booking>(`${BASE}/${encodeURIComponent(id)}`, { body: { reason } });
  }
}
