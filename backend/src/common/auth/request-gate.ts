import type { AuthenticatedRequest } from './decorators';

/**
 * A check every HTTP request passes once its caller is known, after all of the route's guards
 * and before the handler (maintenance mode is one: backend/src/modules/system). It throws to
 * refuse the request.
 *
 * It runs in the last guard rather than in a global interceptor, which would make every request
 * pay for an rxjs pipeline: the AccessGuard runs it for routes without guards of their own, and
 * a route-level guard (OptionalAuthGuard, EntitlementGuard) runs it when it lets the call through.
 */
export abstract class RequestGate {
  abstract check(request: AuthenticatedRequest): void;
}
