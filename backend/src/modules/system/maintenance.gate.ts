import { Injectable } from '@nestjs/common';
import { AuthenticatedRequest } from '@app/common/auth/decorators';
import { RequestGate } from '@app/common/auth/request-gate';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { DEFAULT_MAINTENANCE_MESSAGE, MaintenanceService } from './maintenance.service';
import { SystemErrorCode, SystemException } from './system.exception';

/**
 * Routes that stay open during maintenance: health checks, reading the switch, and signing in
 * (so that an admin can sign in and turn maintenance off; everyone else is refused afterwards).
 */
const OPEN_DURING_MAINTENANCE = new Set([
  '/api/health',
  '/api/health/live',
  '/api/system/maintenance',
  '/api/auth/login',
  '/api/auth/login/2fa',
  '/api/auth/refresh',
  '/api/auth/session',
  '/api/auth/logout',
]);

/**
 * While maintenance is on, every API call except admins' and the routes above answers 503 with
 * the code MAINTENANCE, the admin's message and Retry-After. Runs after the route's guards (see
 * RequestGate), so it knows the caller's role; when maintenance is off it costs one property read.
 */
@Injectable()
export class MaintenanceGate extends RequestGate {
  constructor(private readonly maintenance: MaintenanceService) {
    super();
  }

  check(request: AuthenticatedRequest): void {
    if (!this.maintenance.current.enabled) return;
    if (request.user && ADMIN_ROLES.includes(request.user.role)) return;
    if (OPEN_DURING_MAINTENANCE.has(request.routeOptions.url ?? '')) return;
    const refusal = new SystemException(
      SystemErrorCode.Maintenance,
      this.maintenance.current.message || DEFAULT_MAINTENANCE_MESSAGE,
    );
    refusal.headers['retry-after'] = String(this.maintenance.retryAfterSeconds());
    throw refusal;
  }
}
