import { Role } from '@app/common/auth/role';
import type { TestApp } from '../support/test-app';

/**
 * What a route promises about access. The matrix test checks each promise against the running
 * app: anonymous callers get 401 unless public, roles outside `access` get 403, roles inside
 * are let through, and ownership probes prove that user B asking for user A's object gets 404.
 */
export interface RoutePolicy {
  /** `GET /api/dashboard/parent/children/:id` exactly as the route table prints it. */
  route: string;
  access: 'public' | 'signed-in' | readonly Role[];
  /**
   * Routes with an id in the path that a non-admin may reach must prove per-object access.
   * Either probes, or `ownership: 'n/a: <why>'` for routes whose id is not a private object.
   */
  ownership?: OwnershipProbe[] | `n/a: ${string}`;
}

export interface OwnershipProbe {
  name: string;
  /**
   * Creates an object owned by one user and asks for it as another user of the same role;
   * returns that response, which must be 404.
   */
  askAsOtherUser: (api: TestApp) => Promise<{ status: number }>;
}
