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
   * Either probes, or a waiver naming the test that covers the route instead.
   */
  ownership?: OwnershipProbe[] | Waiver;
  /**
   * Ids given in the query string or the body (`childIds` in a booking request, say): probes
   * that send another user's id there and must get 404 (or `expect`).
   */
  inputIds?: OwnershipProbe[];
}

/** Why a route has no ownership probe here, and the test elsewhere that covers it. */
export interface Waiver {
  why: string;
  /** A spec file (from the repository root) and the exact title of a test in it; the matrix checks both exist. */
  coveredBy: { file: string; test: string };
}

export interface OwnershipProbe {
  name: string;
  /**
   * Creates an object owned by one user and asks for it as another user of the same role;
   * returns that response, which must be 404 unless `expect` documents another 4xx.
   */
  askAsOtherUser: (api: TestApp) => Promise<{ status: number }>;
  expect?: number;
}
