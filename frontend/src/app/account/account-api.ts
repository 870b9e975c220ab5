import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ActivityPage,
  ChangePasswordRequest,
  DisableTwoFactorRequest,
  MessageResponse,
  NotificationPreferenceUpdate,
  NotificationPreferences,
  Profile,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorSetup,
  TwoFactorStatus,
  UpdateProfileRequest,
} from '@core/api/api-types';

/** The signed-in user's own account: `/api/user/...`. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  profile(): Observable<Profile> {
    return this.http.get<Profile>('/api/user/profile');
  }

  updateProfile(body: UpdateProfileRequest): Observable<Profile> {
    return this.http.patch<Profile>('/api/user/profile', body);
  }

  changePassword(body: ChangePasswordRequest): Observable<MessageResponse> {
    return this.http.patch<MessageResponse>('/api/user/password', body);
  }

  twoFactorStatus(): Observable<TwoFactorStatus> {
    return this.http.get<TwoFactorStatus>('/api/user/2fa/status');
  }

  startTwoFactorSetup(): Observable<TwoFactorSetup> {
    return this.http.post<TwoFactorSetup>('/api/user/2fa/setup', null);
  }

  enableTwoFactor(code: string): Observable<TwoFactorEnabled> {
    return this.http.post<TwoFactorEnabled>('/api/user/2fa/verify', { code });
  }

  disableTwoFactor(body: DisableTwoFactorRequest): Observable<TwoFactorDisabled> {
    return this.http.post<TwoFactorDisabled>('/api/user/2fa/disable', body);
  }

  activity(page: number, pageSize: number): Observable<ActivityPage> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<ActivityPage>('/api/user/activity', { params });
  }

  notificationPreferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>('/api/user/notification-preferences');
  }

  updateNotificationPreferences(preferences: NotificationPreferenceUpdate[]): Observable<NotificationPreferences> {
    return this.http.patch<NotificationPreferences>('/api/user/notification-preferences', { preferences });
  }
}
