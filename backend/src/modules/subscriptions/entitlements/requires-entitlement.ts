import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  Optional,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { AuthenticatedRequest } from '@app/common/auth/decorators';
import { RequestGate } from '@app/common/auth/request-gate';
import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { Entitlement, planUnlocking } from '../plans';
import { SubscriptionErrorCode, SubscriptionException } from '../subscription.exception';
import { EntitlementsService } from './entitlements.service';

export const ENTITLEMENT_METADATA = 'childminder-connect:entitlement';

/**
 * Refuses the call with 402 unless the caller's plan grants `entitlement`. A method guard, so it
 * runs after the global AccessGuard has signed the caller in. Admins are never refused. As a
 * route's own guard, it runs the RequestGate (maintenance mode) when it lets the call through.
 */
@Injectable()
export class EntitlementGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly entitlements: EntitlementsService,
    @Optional() private readonly gate?: RequestGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.entitled(context, request);
    this.gate?.check(request);
    return true;
  }

  private async entitled(context: ExecutionContext, request: AuthenticatedRequest): Promise<void> {
    const entitlement = this.reflector.get<Entitlement | undefined>(ENTITLEMENT_METADATA, context.getHandler());
    if (!entitlement) return;
    const user = request.user;
    if (!user) throw new Error('@RequiresEntitlement() used on a route without @Authenticated()');
    if (ADMIN_ROLES.includes(user.role)) return;
    if (await this.entitlements.has(user.userId, user.role, entitlement)) return;
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
