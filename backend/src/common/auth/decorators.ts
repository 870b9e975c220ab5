import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthContext } from './auth-context';
import { CronSecretCaller } from './cron-secret';
import { Role } from './role';

export const ACCESS_METADATA = 'childminder-connect:access';

export type AccessRule =
  | { kind: 'public' }
  | {
      kind: 'authenticated';
      roles: readonly Role[];
      /** `Authorization: Bearer <CRON_SECRET>` is accepted instead of a user (when CRON_SECRET is set). */
      cronSecret?: true;
    };

/** Anyone may call this route, signed in or not. Every public route says so explicitly. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/**
 * The caller must be signed in and, when roles are given, hold one of them. With
 * `cronSecret: true` an outside scheduler holding CRON_SECRET may call the route too (read the
 * caller with `@AuthOrCronSecret()`). The global AccessGuard denies every route that has neither
 * this nor @Public().
 */
export const Authenticated = (options: { roles?: readonly Role[]; cronSecret?: true } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'authenticated',
      roles: options.roles ?? [],
      ...(options.cronSecret ? { cronSecret: true as const } : {}),
    } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: options.cronSecret
        ? 'Not signed in, the access token is invalid or expired, and it is not the CRON_SECRET either.'
        : 'Not signed in, or the access token is invalid or expired.',
    }),
    ...(options.roles?.length ? [ApiForbiddenResponse({ description: `Only for: ${options.roles.join(', ')}.` })] : []),
  );

export type AuthenticatedRequest = FastifyRequest & { user?: AuthContext; cronSecret?: true };

/** The signed-in caller of an @Authenticated route. */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('@Auth() used on a route without @Authenticated()');
  return request.user;
});

/** The caller of an `@Authenticated({ cronSecret: true })` route: a signed-in user, or the CRON_SECRET. */
export const AuthOrCronSecret = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext | CronSecretCaller => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.cronSecret) return { cronSecret: true };
    if (!request.user) throw new Error('@AuthOrCronSecret() used on a route without @Authenticated()');
    return request.user;
  },
);
