import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  CreateOpeningRequest,
  LastMinuteOpening,
  LastMinuteOpeningList,
  LastMinuteSettings,
  UpdateLastMinuteSettingsRequest,
} from '@core/api/api-types';

/**
 * Last-minute places, for both sides: the API answers by the caller's role (a childminder's own
 * openings and auto-accept rules; a parent's matching openings and alert settings).
 */
@Injectable({ providedIn: 'root' })
export class LastMinuteApi {
  private readonly api = inject(ApiClient);

  /** Childminder: my current openings. Parent: current openings matching my alert settings. */
  openings(): Observable<LastMinuteOpeningList> {
    return this.api.get('/api/user/last-minute-schedule');
  }

  publish(body: CreateOpeningRequest): Observable<LastMinuteOpening> {
    return this.api.post('/api/user/last-minute-schedule', { body });
  }

  withdraw(id: string): Observable<void> {
    return this.api.delete('/api/user/last-minute-schedule', { query: { id } });
  }

  settings(): Observable<LastMinuteSettings> {
    return this.api.get('/api/user/last-minute-settings');
  }

  updateSettings(body: UpdateLastMinuteSettingsRequest): Observable<LastMinuteSettings> {
    return this.api.patch('/api/user/last-minute-settings', { body });
  }
}
