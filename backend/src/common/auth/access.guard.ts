import { ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppConfig } from '@app/config/app-config';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { isDependencyUnavailable, serviceUnavailable } from '../errors/unavailable';
import { AuthContext } from './auth-context';
import { bearerMatchesSecret } from './cron-secret';
import { ACCESS_METADATA, AccessRule, AuthenticatedRequest } from './decorators';
import { RequestGate } from './request-gate';

/** What the guard needs to know of a route, read from its metadata once. */
interface RouteAccess {
  rule: AccessRule | undefined;
  /** The route has guards of its own: the last of them runs the RequestGate, not this guard. */
  ownGuards: boolean;
}

/**
 * The one global guard, deny by default: a route is reachable only if it says @Public() or
 * @Authenticated(). A route with neither is refused (and a test fails on it before it ships).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);
  /** Per route handler: its metadata does not change once the application is built. */
  private readonly routes = new WeakMap<object, RouteAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @Optional() private readonly gate?: RequestGate,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateway
    const { rule, ownGuards } = this.routeAccess(context);
    if (!rule) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} has no access rule`);
      throw new CommonException(CommonErrorCode.Forbidden, 'This route is not available');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (rule.kind === 'authenticated') await this.authenticate(context, rule, request);
    if (!ownGuards) this.gate?.check(request);
    return true;
  }

  private async authenticate(
    context: ExecutionContext,
    rule: Extract<AccessRule, { kind: 'authenticated' }>,
    request: AuthenticatedRequest,
  ): Promise<void> {
    if (rule.cronSecret && bearerMatchesSecret(request.headers.authorization, this.config.cronSecret)) {
      // An outside scheduler: no user and no role, only the routes that say they accept it.
      request.cronSecret = true;
      return;
    }
    await super.canActivate(context);
    const user = request.user!;
    if (rule.roles.length > 0 && !rule.roles.includes(user.role)) {
      throw new CommonException(CommonErrorCode.Forbidden, 'Your account cannot use this feature');
    }
  }

  private routeAccess(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    let access = this.routes.get(handler);
    if (!access) {
      const targets = [handler, context.getClass()];
      access = {
        rule: this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets),
        ownGuards: this.reflector.getAllAndMerge<unknown[]>(GUARDS_METADATA, targets).length > 0,
      };
      this.routes.set(handler, access);
    }
    return access;
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
