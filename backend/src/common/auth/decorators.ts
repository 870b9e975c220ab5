import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext } from './auth-context';
import { Role } from './role';

export const ACCESS_METADATA = 'childminder-connect:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; roles: readonly Role[] };

/** Anyone may call this route, signed in or not. Every public route says so explicitly. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/**
 * The caller must be signed in and, when roles are given, hold one of them.
 * The global AccessGuard denies every route that has neither this nor @Public().
 */
export const Authenticated = (options: { roles?: readonly Role[] } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'authenticated',
      roles: options.roles ?? [],
    } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the access token is invalid or expired.' }),
    ...(options.roles?.length ? [ApiForbiddenResponse({ description: `Only for: ${options.roles.join(', ')}.` })] : []),
  );

export type AuthenticatedRequest = FastifyRequest & { user?: AuthContext };

/** The signed-in caller of an @Authenticated route. */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('@Auth() used on a route without @Authenticated()');
  return request.user;
});
