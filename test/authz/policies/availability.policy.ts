import { Role } from '@app/common/auth/role';
import type { TestApp } from '../../support/test-app';
import { AVAILABILITY, givenChildminder } from '../../api/bookings/support';
import { OwnershipProbe, RoutePolicy } from '../policy';

const MINDER = [Role.Childminder] as const;

type Ask = (api: TestApp, blockId: string, otherMinder: { Authorization: string }) => Promise<{ status: number }>;

/** Childminder A has a block (added through the API); childminder B, signed in, asks for it. */
const otherMinderProbe = (name: string, ask: Ask): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const owner = await givenChildminder(api);
      const blocks = await api.http().get(AVAILABILITY).set(owner.auth);
      const other = await givenChildminder(api, { name: 'Other Minder', open: false });
      return ask(api, blocks.body.items[0].id as string, other.auth);
    },
  },
];

const validBlock = {
  startsAt: '2030-01-07T08:00:00Z',
  endsAt: '2030-01-07T18:00:00Z',
  type: 'available',
  title: 'Replaced',
};

/** Availability blocks and the public preview (marketplace issue). */
export const availabilityPolicies: RoutePolicy[] = [
  { route: 'GET /api/dashboard/childminder/availability', access: MINDER },
  { route: 'POST /api/dashboard/childminder/availability', access: MINDER },
  {
    route: 'GET /api/dashboard/childminder/availability/:id',
    access: MINDER,
    ownership: otherMinderProbe("childminder B reads childminder A's block", (api, id, auth) =>
      api.http().get(`${AVAILABILITY}/${id}`).set(auth),
    ),
  },
  {
    route: 'PUT /api/dashboard/childminder/availability/:id',
    access: MINDER,
    ownership: otherMinderProbe("childminder B replaces childminder A's block", (api, id, auth) =>
      api.http().put(`${AVAILABILITY}/${id}`).set(auth).send(validBlock),
    ),
  },
  {
    route: 'DELETE /api/dashboard/childminder/availability/:id',
    access: MINDER,
    ownership: otherMinderProbe("childminder B deletes childminder A's block", (api, id, auth) =>
      api.http().delete(`${AVAILABILITY}/${id}`).set(auth),
    ),
  },
  {
    route: 'GET /api/childminders/:id/availability',
    access: 'public',
    ownership: {
      why: 'the open time of a listed profile is public by design (bookings are not shown); unlisted ones are 404',
      coveredBy: {
        file: 'test/api/availability/availability.api-spec.ts',
        test: 'adds a recurring block, sees it expanded in the calendar, skips a day, edits and removes it',
      },
    },
  },
];
