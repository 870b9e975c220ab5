import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { components } from '@core/api/schema';

/** The admin people screens' shapes, from the generated OpenAPI types (rule 19). */
type Schemas = components['schemas'];

export type AdminUser = Schemas['AdminUserResponse'];
export type AdminUserPage = Schemas['AdminUserPageResponse'];
export type AdminUserDetail = Schemas['AdminUserDetailResponse'];
export type CreateAdminUser = Schemas['CreateAdminUserDto'];
export type UpdateAdminUser = Schemas['UpdateAdminUserDto'];
export type UserRole = AdminUser['role'];
export type UserStatus = AdminUser['status'];
export type Dashboard = Schemas['DashboardResponse'];
export type DailyCount = Schemas['DailyCountResponse'];
export type SecuritySettings = Schemas['SecuritySettingsResponse'];
export type UpdateSecuritySettings = Schemas['UpdateSecuritySettingsDto'];
export type AdminSettings = Schemas['AdminSettingsResponse'];
export type UpdateAdminSettings = Schemas['UpdateAdminSettingsDto'];
export type SendEmail = Schemas['SendEmailDto'];
export type SendEmailResult = Schemas['SendEmailResponse'];
export type AdminProfile = Schemas['ProfileResponse'];
export type UpdateAdminProfile = Schemas['UpdateProfileDto'];

export interface UserFilters {
  q?: string;
  role?: UserRole | '';
  status?: UserStatus | '';
  verified?: 'true' | 'false' | '';
  twoFactor?: 'true' | 'false' | '';
  sort?: 'createdAt' | 'lastLoginAt' | 'email' | 'lastName';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const ROLE_LABELS: Record<UserRole, string> = {
  parent: 'Parent',
  childminder: 'Childminder',
  support_agent: 'Support agent',
  admin: 'Admin',
  super_admin: 'Super admin',
};

export const STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  erased: 'Erased',
};

/** Users, the dashboard, security and admin settings, and email to users: the admin people side. */
@Injectable({ providedIn: 'root' })
export class AdminPeopleApi {
  private readonly http = inject(HttpClient);

  users(filters: UserFilters): Observable<AdminUserPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '' && value !== null) params = params.set(key, String(value));
    }
    return this.http.get<AdminUserPage>('/api/admin/users', { params });
  }

  user(id: string): Observable<AdminUserDetail> {
    return this.http.get<AdminUserDetail>(`/api/admin/users/${encodeURIComponent(id)}`);
  }

  createUser(body: CreateAdminUser): Observable<AdminUser> {
    return this.http.post<AdminUser>('/api/admin/users', body);
  }

  updateUser(id: string, body: UpdateAdminUser): Observable<AdminUser> {
    return this.http.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, body);
  }

  eraseUser(id: string): Observable<void> {
    return this.http.delete<void>(`/api/admin/users/${encodeURIComponent(id)}`);
  }

  sendResetLink(id: string): Observable<{ message: string }> {
    return this.http.post<{ message: string }>(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, {});
  }

  dashboard(from?: string, to?: string): Observable<Dashboard> {
    let params = new HttpParams();
    if (from) params = params.set('from', from);
    if (to) params = params.set('to', to);
    return this.http.get<Dashboard>('/api/admin/dashboard', { params });
  }

  securitySettings(): Observable<SecuritySettings> {
    return this.http.get<SecuritySettings>('/api/admin/security-settings');
  }

  updateSecuritySettings(body: UpdateSecuritySettings): Observable<SecuritySettings> {
    return this.http.patch<SecuritySettings>('/api/admin/security-settings', body);
  }

  settings(): Observable<AdminSettings> {
    return this.http.get<AdminSettings>('/api/admin/settings');
  }

  updateSettings(body: UpdateAdminSettings): Observable<AdminSettings> {
    return this.http.put<AdminSettings>('/api/admin/settings', body);
  }

  profile(): Observable<AdminProfile> {
    return this.http.get<AdminProfile>('/api/admin/profile');
  }

  updateProfile(body: UpdateAdminProfile): Observable<AdminProfile> {
    return this.http.put<AdminProfile>('/api/admin/profile', body);
  }

  sendEmail(body: SendEmail): Observable<SendEmailResult> {
    return this.http.post<SendEmailResult>('/api/notifications/email', body);
  }
}
