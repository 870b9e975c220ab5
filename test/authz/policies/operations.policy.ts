import { ADMIN_ROLES } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/**
 * Operations: monitoring, logs, backups (admins only) and maintenance mode (anyone may read the
 * switch, admins change it). `/metrics` is not an API route: it is guarded by METRICS_TOKEN or
 * METRICS_ALLOW_FROM, covered by test/api/operations/metrics.api-spec.ts.
 */
export const operationsPolicies: RoutePolicy[] = [
  { route: 'GET /api/admin/monitoring', access: ADMIN_ROLES },
  { route: 'GET /api/admin/logs', access: ADMIN_ROLES },
  { route: 'GET /api/admin/backup-recovery/history', access: ADMIN_ROLES },
  { route: 'GET /api/admin/backup-recovery/schedule', access: ADMIN_ROLES },
  { route: 'POST /api/admin/backup-recovery/schedule', access: ADMIN_ROLES },
  { route: 'POST /api/admin/backup-recovery/trigger', access: ADMIN_ROLES },
  { route: 'GET /api/system/maintenance', access: 'public' },
  { route: 'PATCH /api/system/maintenance', access: ADMIN_ROLES },
];
