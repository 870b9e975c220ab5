import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import type { TestApp } from '../../support/test-app';
import {
  bornAgo,
  givenChild,
  givenChildminder,
  givenPlusParent,
  MINDER_BOOKINGS,
  PARENT_BOOKINGS,
  requestBooking,
  ukAt,
} from '../../api/bookings/support';
import { OwnershipProbe, RoutePolicy } from '../policy';

const PARENT = [Role.Parent] as const;
const MINDER = [Role.Childminder] as const;

type Auth = { Authorization: string };
type Ask = (api: TestApp, bookingId: string, other: Auth) => Promise<{ status: number }>;

/** Parent A requests care with childminder A; returns the booking id. */
async function givenBooking(api: TestApp): Promise<string> {
  const minder = await givenChildminder(api);
  const parent = await givenPlusParent(api);
  const child = await givenChild(api, parent, 'Probe', bornAgo({ years: 2 }));
  const response = await requestBooking(api, parent, {
    childminderId: minder.profile.id,
    childIds: [child],
    startsAt: ukAt(3, '09:00'),
    endsAt: ukAt(3, '12:00'),
  });
  if (response.status !== 201) throw new Error(`Could not request a booking: ${response.status}`);
  return response.body.id as string;
}

const otherParentProbe = (name: string, ask: Ask): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const id = await givenBooking(api);
      return ask(api, id, (await givenPlusParent(api)).auth);
    },
  },
];

const otherMinderProbe = (name: string, ask: Ask): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const id = await givenBooking(api);
      return ask(api, id, (await givenChildminder(api, { name: 'Other Minder', open: false })).auth);
    },
  },
];

/** Parent B asks for care for parent A's child (`childIds` in the body): 404, the child is not hers. */
const otherParentsChildProbe = (name: string, path: string): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api) => {
      const minder = await givenChildminder(api);
      const parentA = await givenPlusParent(api);
      const childOfA = await givenChild(api, parentA, 'Probe', bornAgo({ years: 2 }));
      const parentB = await givenPlusParent(api);
      return api
        .http()
        .post(path)
        .set(parentB.auth)
        .send({
          childminderId: minder.profile.id,
          childIds: [childOfA],
          startsAt: ukAt(3, '09:00'),
          endsAt: ukAt(3, '12:00'),
        });
    },
  },
];

/** Bookings, dashboards and calendars (marketplace issue). */
export const bookingsPolicies: RoutePolicy[] = [
  { route: 'GET /api/dashboard/parent/stats', access: PARENT },
  { route: 'GET /api/dashboard/parent/calendar', access: PARENT },
  { route: 'GET /api/dashboard/parent/bookings', access: PARENT },
  {
    route: 'POST /api/dashboard/parent/bookings/create',
    access: PARENT,
    inputIds: otherParentsChildProbe("parent B books parent A's child (childIds)", `${PARENT_BOOKINGS}/create`),
  },
  {
    route: 'POST /api/dashboard/parent/bookings/quote',
    access: PARENT,
    inputIds: otherParentsChildProbe(
      "parent B prices care for parent A's child (childIds)",
      `${PARENT_BOOKINGS}/quote`,
    ),
  },
  {
    route: 'GET /api/dashboard/parent/bookings/:id',
    access: PARENT,
    ownership: otherParentProbe("parent B reads parent A's booking", (api, id, auth) =>
      api.http().get(`${PARENT_BOOKINGS}/${id}`).set(auth),
    ),
  },
  {
    route: 'PATCH /api/dashboard/parent/bookings/:id',
    access: PARENT,
    ownership: otherParentProbe("parent B changes parent A's booking", (api, id, auth) =>
      api.http().patch(`${PARENT_BOOKINGS}/${id}`).set(auth).send({ notes: 'Mine now' }),
    ),
  },
  {
    route: 'DELETE /api/dashboard/parent/bookings/:id',
    access: PARENT,
    ownership: otherParentProbe("parent B cancels parent A's booking", (api, id, auth) =>
      api.http().delete(`${PARENT_BOOKINGS}/${id}`).set(auth).send({ reason: 'Not mine' }),
    ),
  },
  { route: 'GET /api/dashboard/childminder/stats', access: MINDER },
  { route: 'GET /api/dashboard/childminder/bookings', access: MINDER },
  {
    route: 'GET /api/dashboard/childminder/bookings/:id',
    access: MINDER,
    ownership: otherMinderProbe("childminder B reads childminder A's booking", (api, id, auth) =>
      api.http().get(`${MINDER_BOOKINGS}/${id}`).set(auth),
    ),
  },
  {
    route: 'PATCH /api/dashboard/childminder/bookings/:id',
    access: MINDER,
    ownership: otherMinderProbe("childminder B confirms childminder A's booking", (api, id, auth) =>
      api.http().patch(`${MINDER_BOOKINGS}/${id}`).set(auth).send({ action: 'confirm' }),
    ),
  },
  { route: 'GET /api/dashboard/childminder/calendar', access: MINDER },
  { route: 'POST /api/dashboard/childminder/calendar', access: MINDER },
  { route: 'DELETE /api/dashboard/childminder/calendar', access: MINDER },
  { route: 'GET /api/admin/bookings', access: ADMIN_ROLES },
  { route: 'GET /api/admin/bookings/:id', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/bookings/:id', access: ADMIN_ROLES },
  { route: 'DELETE /api/admin/bookings/:id', access: ADMIN_ROLES },
];
