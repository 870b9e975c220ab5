import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/** Compliance requirements, overrides and the expiration check (documents and compliance issue). */
export const compliancePolicies: RoutePolicy[] = [
  { route: 'GET /api/admin/compliance', access: ADMIN_ROLES },
  { route: 'POST /api/admin/compliance', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/compliance', access: ADMIN_ROLES },
  { route: 'GET /api/compliance/check-expirations', access: ADMIN_ROLES },
  { route: 'POST /api/compliance/check-expirations', access: ADMIN_ROLES },
  { route: 'GET /api/user/compliance', access: [Role.Childminder] },
];
