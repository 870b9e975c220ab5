import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  AuthorizationUrl,
  IcsFeed,
  CalendarSyncResult,
  CalendarSyncStatus,
  GoogleCalendar,
} from '@core/api/api-types';

const BASE = '/api/calendar-sync';

/** Google Calendar sync and the ICS feed of the signed-in parent or childminder. */
@Injectable({ providedIn: 'root' })
export class CalendarSyncApi {
  private readonly http = inject(HttpClient);

  status(): Observable<CalendarSyncStatus> {
    return this.http.get<CalendarSyncStatus>(`${BASE}/status`);
  }

  /** Google's consent screen address (the response also sets the state cookie). */
  authorizationUrl(): Observable<AuthorizationUrl> {
    return this.http.get<AuthorizationUrl>(`${BASE}/auth`);
  }

  syncNow(): Observable<CalendarSyncResult> {
    return this.http.post<CalendarSyncResult>(`${BASE}/sync`, {});
  }

  calendars(): Observable<GoogleCalendar[]> {
    return this.http.get<GoogleCalendar[]>(`${BASE}/calendars`);
  }

  chooseCalendar(calendarId: string): Observable<CalendarSyncStatus> {
    return this.http.put<CalendarSyncStatus>(`${BASE}/calendar`, { calendarId });
  }

  disconnect(): Observable<void> {
    return this.http.delete<void>(BASE);
  }

  feed(): Observable<IcsFeed> {
    return this.http.get<IcsFeed>(`${BASE}/feed`);
  }

  regenerateFeed(): Observable<IcsFeed> {
    return this.http.post<IcsFeed>(`${BASE}/feed/regenerate`, {});
  }
}
