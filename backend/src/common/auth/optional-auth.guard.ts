import { createParamDecorator, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AuthContext } from '@app/common/auth/auth-context';
import type { AuthenticatedRequest } from '@app/common/auth/decorators';
import { RequestGate } from '@app/common/auth/request-gate';

/**
 * For a @Public() route that reads more when the caller is signed in: runs the same JWT
 * strategy as the global guard (signature, live session, active account) but lets the request
 * through anonymously when there is no token or it is not valid. As a route's own guard, it runs
 * the RequestGate (maintenance mode) once the caller is known.
 */
@Injectable()
export class OptionalAuthGuard extends AuthGuard('jwt') {
  constructor(@Optional() private readonly gate?: RequestGate) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.headers.authorization) {
      try {
        await super.canActivate(context);
      } catch {
        request.user = undefined;
      }
    }
    this.gate?.check(request);
    return true;
  }

  override handleRequest<T = AuthContext>(_error: unknown, user: T | false): T {
    return (user || undefined) as T;
  }
}

/** The caller of a route guarded by OptionalAuthGuard, or null when anonymous. */
export const OptionalAuth = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext | null =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().user ?? null,
);
