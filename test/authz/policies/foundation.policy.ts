import { STAFF_ROLES } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/** Accounts, authentication and health (foundation issue). */
export const foundationPolicies: RoutePolicy[] = [
  { route: 'POST /api/auth/register', access: 'public' },
  { route: 'POST /api/auth/verify-email', access: 'public' },
  { route: 'POST /api/auth/verify-email/resend', access: 'public' },
  { route: 'POST /api/auth/login', access: 'public' },
  { route: 'POST /api/auth/login/2fa', access: 'public' },
  { route: 'POST /api/auth/refresh', access: 'public' },
  { route: 'POST /api/auth/forgot-password', access: 'public' },
  { route: 'POST /api/auth/reset-password', access: 'public' },
  { route: 'GET /api/auth/demo-accounts', access: 'public' },
  // Sign in with Google (issue 13): anonymous by nature; the state cookie and pending tokens are the credentials.
  { route: 'GET /api/auth/providers', access: 'public' },
  { route: 'GET /api/auth/google', access: 'public' },
  { route: 'GET /api/auth/google/callback', access: 'public' },
  { route: 'POST /api/auth/google/pending', access: 'public' },
  { route: 'POST /api/auth/google/register', access: 'public' },
  { route: 'POST /api/auth/google/link', access: 'public' },
  // Account settings: my own link to Google (any signed-in user; unlinking never needs staff rights).
  { route: 'GET /api/auth/google/link', access: 'signed-in' },
  { route: 'DELETE /api/auth/google/link', access: 'signed-in' },
  { route: 'GET /api/auth/session', access: 'signed-in' },
  { route: 'POST /api/auth/logout', access: 'public' },
  { route: 'GET /api/auth/chat-status', access: STAFF_ROLES },
  { route: 'PATCH /api/auth/chat-status', access: STAFF_ROLES },
  { route: 'GET /api/users/me', access: 'signed-in' },
  { route: 'GET /api/user/profile', access: 'signed-in' },
  { route: 'PATCH /api/user/profile', access: 'signed-in' },
  { route: 'PATCH /api/user/password', access: 'signed-in' },
  { route: 'GET /api/user/2fa/status', access: 'signed-in' },
  { route: 'POST /api/user/2fa/setup', access: 'signed-in' },
  { route: 'POST /api/user/2fa/verify', access: 'signed-in' },
  { route: 'POST /api/user/2fa/disable', access: 'signed-in' },
  { route: 'GET /api/user/activity', access: 'signed-in' },
  { route: 'GET /api/user/notification-preferences', access: 'signed-in' },
  { route: 'PATCH /api/user/notification-preferences', access: 'signed-in' },
  { route: 'GET /api/health', access: 'public' },
  { route: 'GET /api/health/live', access: 'public' },
];
