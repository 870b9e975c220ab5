import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppConfig } from '@app/config/app-config';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { isDependencyUnavailable, serviceUnavailable } from '../errors/unavailable';
import { AuthContext } from './auth-context';
import { bearerMatchesSecret } from './cron-secret';
import { ACCESS_METADATA, AccessRule, AuthenticatedRequest } from './decorators';

/**
 * The one global guard, deny by default: a route is reachable only if it says @Public() or
 * @Authenticated(). A route with neither is refused (and a test fails on it before it ships).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateway
    if (!rule) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw new CommonException(CommonErrorCode.Forbidden, 'This route is not available');
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (rule.cronSecret && bearerMatchesSecret(request.headers.authorization, this.config.cronSecret)) {
      // An outside scheduler: no user and no role, only the routes that say they accept it.
      request.cronSecret = true;
      return true;
    }
    await super.canActivate(context);
    const user = request.user!;
    if (rule.roles.length > 0 && !rule.roles.includes(user.role)) {
      throw new CommonException(CommonErrorCode.Forbidden, 'Your account cannot use this feature');
    }
    return true;
  }

  override handleRequest<T = AuthContext>(error: unknown, user: T | false): T {
    // The session could not be looked up (database down): that says nothing about the token,
    // so the client must not sign its user out. 503 with Retry-After instead of 401.
    if (isDependencyUnavailable(error)) throw serviceUnavailable();
    if (error || !user) {
      throw new CommonException(
        CommonErrorCode.Unauthenticated,
        'Sign in to continue: the access token is missing, invalid or expired',
      );
    }
    return user;
  }
}
