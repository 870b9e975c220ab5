import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  AuthorizationUrl,
  IcsFeed,
  CalendarSyncResult,
  CalendarSyncStatus,
  GoogleCalendar,
} from '@core/api/api-types';

/** Google Calendar sync and the ICS feed of the signed-in parent or childminder. */
@Injectable({ providedIn: 'root' })
export class CalendarSyncApi {
  private readonly api = inject(ApiClient);

  status(): Observable<CalendarSyncStatus> {
    return this.api.get('/api/calendar-sync/status');
  }

  /** Google's consent screen address (the response also sets the state cookie). */
  authorizationUrl(): Observable<AuthorizationUrl> {
    return this.api.get('/api/calendar-sync/auth');
  }

  syncNow(): Observable<CalendarSyncResult> {
    return this.api.post('/api/calendar-sync/sync');
  }

  calendars(): Observable<GoogleCalendar[]> {
    return this.api.get('/api/calendar-sync/calendars');
  }

  chooseCalendar(calendarId: string): Observable<CalendarSyncStatus> {
    return this.api.put('/api/calendar-sync/calendar', { body: { calendarId } });
  }

  disconnect(): Observable<void> {
    return this.api.delete('/api/calendar-sync');
  }

  feed(): Observable<IcsFeed> {
    return this.api.get('/api/calendar-sync/feed');
  }

  regenerateFeed(): Observable<IcsFeed> {
    return this.api.post('/api/calendar-sync/feed/regenerate');
  }
}
