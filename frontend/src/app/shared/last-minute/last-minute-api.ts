import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CreateOpeningRequest,
  LastMinuteOpening,
  LastMinuteOpeningList,
  LastMinuteSettings,
  UpdateLastMinuteSettingsRequest,
} from '@core/api/api-types';

const SCHEDULE = '/api/user/last-minute-schedule';
const SETTINGS = '/api/user/last-minute-settings';

/**
 * Last-minute places, for both sides: the API answers by the caller's role (a childminder's own
 * openings and auto-accept rules; a parent's matching openings and alert settings).
 */
@Injectable({ providedIn: 'root' })
export class LastMinuteApi {
  private readonly http = inject(HttpClient);

  /** Childminder: my current openings. Parent: current openings matching my alert settings. */
  openings(): Observable<LastMinuteOpeningList> {
    return this.http.get<LastMinuteOpeningList>(SCHEDULE);
  }

  publish(body: CreateOpeningRequest): Observable<LastMinuteOpening> {
    return this.http.post<LastMinuteOpening>(SCHEDULE, body);
  }

  withdraw(id: string): Observable<void> {
    return this.http.delete<void>(SCHEDULE, { params: new HttpParams().set('id', id) });
  }

  settings(): Observable<LastMinuteSettings> {
    return this.http.get<LastMinuteSettings>(SETTINGS);
  }

  updateSettings(body: UpdateLastMinuteSettingsRequest): Observable<LastMinuteSettings> {
    return this.http.patch<LastMinuteSettings>(SETTINGS, body);
  }
}
