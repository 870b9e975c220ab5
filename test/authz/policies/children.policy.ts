import { Role } from '@app/common/auth/role';
import type { TestApp } from '../../support/test-app';
import { OwnershipProbe, RoutePolicy } from '../policy';

const PARENT_ONLY = [Role.Parent] as const;
const childPath = (id: string) => `/api/dashboard/parent/children/${id}`;

type Ask = (api: TestApp, childId: string, otherParent: { Authorization: string }) => Promise<{ status: number }>;

/** Parent A adds a child through the API; parent B, signed in, asks for it with `ask`. */
const otherParentProbe = (name: string, ask: Ask): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const parentA = await api.given.signedIn(Role.Parent);
      const created = await api
        .http()
        .post('/api/dashboard/parent/children')
        .set(parentA.auth)
        .send({ firstName: 'Probe', dateOfBirth: '2022-01-01' });
      if (created.status !== 201) throw new Error(`Could not add a child as parent A: ${created.status}`);
      const parentB = await api.given.signedIn(Role.Parent);
      return ask(api, created.body.id as string, parentB.auth);
    },
  },
];

/** A parent's children (marketplace issue). */
export const childrenPolicies: RoutePolicy[] = [
  { route: 'GET /api/dashboard/parent/children', access: PARENT_ONLY },
  { route: 'POST /api/dashboard/parent/children', access: PARENT_ONLY },
  {
    route: 'GET /api/dashboard/parent/children/:id',
    access: PARENT_ONLY,
    ownership: otherParentProbe("parent B reads parent A's child", (api, id, auth) =>
      api.http().get(childPath(id)).set(auth),
    ),
  },
  {
    route: 'PATCH /api/dashboard/parent/children/:id',
    access: PARENT_ONLY,
    ownership: otherParentProbe("parent B renames parent A's child", (api, id, auth) =>
      api.http().patch(childPath(id)).set(auth).send({ firstName: 'Renamed' }),
    ),
  },
  {
    route: 'DELETE /api/dashboard/parent/children/:id',
    access: PARENT_ONLY,
    ownership: otherParentProbe("parent B deletes parent A's child", (api, id, auth) =>
      api.http().delete(childPath(id)).set(auth),
    ),
  },
];
