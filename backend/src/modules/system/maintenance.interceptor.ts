import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { AuthenticatedRequest } from '@app/common/auth/decorators';
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
 * the code MAINTENANCE, the admin's message and Retry-After. Runs after the access guard, so it
 * knows the caller's role; when maintenance is off it costs one property read.
 */
@Injectable()
export class MaintenanceInterceptor implements NestInterceptor {
  constructor(private readonly maintenance: MaintenanceService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.maintenance.current.enabled || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.user && ADMIN_ROLES.includes(request.user.role)) return next.handle();
    if (OPEN_DURING_MAINTENANCE.has(request.routeOptions.url ?? '')) return next.handle();
    const refusal = new SystemException(
      SystemErrorCode.Maintenance,
      this.maintenance.current.message || DEFAULT_MAINTENANCE_MESSAGE,
    );
    refusal.headers['retry-after'] = String(this.maintenance.retryAfterSeconds());
    return throwError(() => refusal);
  }
}
