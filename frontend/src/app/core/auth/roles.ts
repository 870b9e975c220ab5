import type { Role } from '@core/api/api-types';

export const ADMIN_ROLES: readonly Role[] = ['admin', 'super_admin'];
/** Roles that answer the live chat and so have a chat status. */
export const STAFF_ROLES: readonly Role[] = ['support_agent', 'admin', 'super_admin'];

const ROLE_LABELS: Record<Role, string> = {
  parent: 'Parent',
  childminder: 'Childminder',
  support_agent: 'Support agent',
  admin: 'Administrator',
  super_admin: 'Super administrator',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** Where a user lands after signing in. */
export function homeForRole(role: Role): string {
  switch (role) {
    case 'parent':
      return '/parent';
    case 'childminder':
      return '/childminder';
    case 'support_agent':
      return '/support';
    case 'admin':
    case 'super_admin':
      return '/admin';
    default:
      return '/';
  }
}

/** Only same-site paths are followed after sign-in, never `//evil.example` or `https://...`. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login') || value.startsWith('/register')) return null;
  return value;
}
