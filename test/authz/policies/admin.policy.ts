import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/**
 * The admin people side (issue 11): dashboard, users, security and admin settings, email to
 * users; and every user's "download my data" and "delete my account". Routes with a user id are
 * admin-only, so no ownership probe applies; make-admin is for super admins alone.
 */
export const adminPolicies: RoutePolicy[] = [
  { route: 'GET /api/admin/dashboard', access: ADMIN_ROLES },
  { route: 'GET /api/admin/users', access: ADMIN_ROLES },
  { route: 'POST /api/admin/users', access: ADMIN_ROLES },
  { route: 'GET /api/admin/users/search', access: ADMIN_ROLES },
  { route: 'GET /api/admin/users/:id', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/users/:id', access: ADMIN_ROLES },
  { route: 'DELETE /api/admin/users/:id', access: ADMIN_ROLES },
  { route: 'POST /api/admin/users/:id/reset-password', access: ADMIN_ROLES },
  { route: 'POST /api/admin/make-admin', access: [Role.SuperAdmin] },
  { route: 'GET /api/admin/security-settings', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/security-settings', access: ADMIN_ROLES },
  { route: 'GET /api/admin/settings', access: ADMIN_ROLES },
  { route: 'PUT /api/admin/settings', access: ADMIN_ROLES },
  { route: 'GET /api/admin/profile', access: ADMIN_ROLES },
  { route: 'PUT /api/admin/profile', access: ADMIN_ROLES },
  { route: 'POST /api/notifications/email', access: ADMIN_ROLES },
  { route: 'GET /api/admin/email-outbox', access: ADMIN_ROLES },
  { route: 'GET /api/admin/email-outbox/:id', access: ADMIN_ROLES },
  { route: 'GET /api/user/data-export', access: 'signed-in' },
  { route: 'POST /api/user/delete-account', access: 'signed-in' },
];
