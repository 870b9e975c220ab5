import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, type ApiQuery } from '@core/api/api-client';
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
  private readonly api = inject(ApiClient);

  users(filters: UserFilters): Observable<AdminUserPage> {
    // Blank filters are left out; the rest are sent as they are.
    const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')) as ApiQuery<
      '/api/admin/users',
      'get'
    >;
    return this.api.get('/api/admin/users', { query });
  }

  user(id: string): Observable<AdminUserDetail> {
    return this.api.get('/api/admin/users/{id}', { path: { id } });
  }

  createUser(body: CreateAdminUser): Observable<AdminUser> {
    return this.api.post('/api/admin/users', { body });
  }

  updateUser(id: string, body: UpdateAdminUser): Observable<AdminUser> {
    return this.api.patch('/api/admin/users/{id}', { path: { id }, body });
  }

  eraseUser(id: string): Observable<void> {
    return this.api.delete('/api/admin/users/{id}', { path: { id } });
  }

  sendResetLink(id: string): Observable<{ message: string }> {
    return this.api.post('/api/admin/users/{id}/reset-password', { path: { id } });
  }

  dashboard(from?: string, to?: string): Observable<Dashboard> {
    return this.api.get('/api/admin/dashboard', { query: { from: from || undefined, to: to || undefined } });
  }

  securitySettings(): Observable<SecuritySettings> {
    return this.api.get('/api/admin/security-settings');
  }

  updateSecuritySettings(body: UpdateSecuritySettings): Observable<SecuritySettings> {
    return this.api.patch('/api/admin/security-settings', { body });
  }

  settings(): Observable<AdminSettings> {
    return this.api.get('/api/admin/settings');
  }

  updateSettings(body: UpdateAdminSettings): Observable<AdminSettings> {
    return this.api.put('/api/admin/settings', { body });
  }

  profile(): Observable<AdminProfile> {
    return this.api.get('/api/admin/profile');
  }

  updateProfile(body: UpdateAdminProfile): Observable<AdminProfile> {
    return this.api.put('/api/admin/profile', { body });
  }

  sendEmail(body: SendEmail): Observable<SendEmailResult> {
    return this.api.post('/api/notifications/email', { body });
  }
}
