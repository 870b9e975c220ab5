import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { AuthenticatedRequest } from '@app/common/auth/decorators';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { Entitlement, planUnlocking } from '../plans';
import { SubscriptionErrorCode, SubscriptionException } from '../subscription.exception';
import { EntitlementsService } from './entitlements.service';

export const ENTITLEMENT_METADATA = 'childminder-connect:entitlement';

/**
 * Refuses the call with 402 unless the caller's plan grants `entitlement`. A method guard, so it
 * runs after the global AccessGuard has signed the caller in. Admins are never refused.
 */
@Injectable()
export class EntitlementGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly entitlements: EntitlementsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const entitlement = this.reflector.get<Entitlement | undefined>(ENTITLEMENT_METADATA, context.getHandler());
    if (!entitlement) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new Error('@RequiresEntitlement() used on a route without @Authenticated()');
    if (ADMIN_ROLES.includes(user.role)) return true;
    if (await this.entitlements.has(user.userId, user.role, entitlement)) return true;
    throw entitlementRequired(entitlement, user.role);
  }
}

export function entitlementRequired(entitlement: Entitlement, role: Role): SubscriptionException {
  const plan = planUnlocking(entitlement, role) ?? planUnlocking(entitlement);
  const exception = new SubscriptionException(
    SubscriptionErrorCode.EntitlementRequired,
    plan
      ? `This needs the ${plan.name} plan. Upgrade to ${plan.name} to unlock it.`
      : 'Your plan does not include this feature.',
    [{ field: 'entitlement', message: entitlement }, ...(plan ? [{ field: 'plan', message: plan.key }] : [])],
  );
  return exception;
}

/** `@RequiresEntitlement('conversations.start')` under `@Authenticated(...)`. */
export const RequiresEntitlement = (entitlement: Entitlement) =>
  applyDecorators(
    SetMetadata(ENTITLEMENT_METADATA, entitlement),
    UseGuards(EntitlementGuard),
    ApiResponse({ status: 402, description: `Needs a plan that includes "${entitlement}"; the message names it.` }),
  );
