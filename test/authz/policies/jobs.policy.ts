import { ADMIN_ROLES } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

/**
 * The scheduled jobs (`/api/cron`). Besides admins, a scheduler holding CRON_SECRET may call
 * both routes when the server has one: test/api/jobs/cron.api-spec.ts covers that path.
 */
export const jobsPolicies: RoutePolicy[] = [
  { route: 'GET /api/cron', access: ADMIN_ROLES },
  { route: 'POST /api/cron', access: ADMIN_ROLES },
];
