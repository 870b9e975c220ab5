import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
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
  private readonly api = inject(ApiClient);

  profile(): Observable<Profile> {
    return this.api.get('/api/user/profile');
  }

  updateProfile(body: UpdateProfileRequest): Observable<Profile> {
    return this.api.patch('/api/user/profile', { body });
  }

  changePassword(body: ChangePasswordRequest): Observable<MessageResponse> {
    return this.api.patch('/api/user/password', { body });
  }

  twoFactorStatus(): Observable<TwoFactorStatus> {
    return this.api.get('/api/user/2fa/status');
  }

  startTwoFactorSetup(): Observable<TwoFactorSetup> {
    return this.api.post('/api/user/2fa/setup');
  }

  enableTwoFactor(code: string): Observable<TwoFactorEnabled> {
    return this.api.post('/api/user/2fa/verify', { body: { code } });
  }

  disableTwoFactor(body: DisableTwoFactorRequest): Observable<TwoFactorDisabled> {
    return this.api.post('/api/user/2fa/disable', { body });
  }

  activity(page: number, pageSize: number): Observable<ActivityPage> {
    return this.api.get('/api/user/activity', { query: { page, pageSize } });
  }

  notificationPreferences(): Observable<NotificationPreferences> {
    return this.api.get('/api/user/notification-preferences');
  }

  updateNotificationPreferences(preferences: NotificationPreferenceUpdate[]): Observable<NotificationPreferences> {
    return this.api.patch('/api/user/notification-preferences', { body: { preferences } });
  }
}
