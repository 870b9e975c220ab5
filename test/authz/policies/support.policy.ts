import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import type { TestApp } from '../../support/test-app';
import { OwnershipProbe, RoutePolicy } from '../policy';

const REQUESTERS = [Role.Parent, Role.Childminder] as const;

/** Parent A raises a ticket; parent B, signed in, calls `method path(ticketId)` on it. */
const otherParentTicketProbe = (
  name: string,
  method: 'get' | 'patch' | 'post',
  path: (ticketId: string) => string,
  body?: object,
): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api: TestApp) => {
      const parentA = await api.given.signedIn(Role.Parent);
      const created = await api
        .http()
        .post('/api/tickets')
        .set(parentA.auth)
        .send({ subject: 'Probe ticket', body: 'A ticket for the ownership probe.', category: 'other' });
      if (created.status !== 201) throw new Error(`Could not raise a ticket as parent A: ${created.status}`);
      const parentB = await api.given.signedIn(Role.Parent);
      const request = api
        .http()
        [method](path(created.body.id as string))
        .set(parentB.auth);
      return body ? request.send(body) : request;
    },
  },
];

/** Childminder A raises a ticket; childminder B asks for it under their dashboard. */
const otherChildminderTicketProbe = (name: string, method: 'get' | 'patch', body?: object): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api: TestApp) => {
      const minderA = await api.given.signedIn(Role.Childminder);
      const created = await api
        .http()
        .post('/api/dashboard/childminder/support')
        .set(minderA.auth)
        .send({ subject: 'Probe ticket', body: 'A ticket for the ownership probe.', category: 'other' });
      if (created.status !== 201) throw new Error(`Could not raise a ticket as childminder A: ${created.status}`);
      const minderB = await api.given.signedIn(Role.Childminder);
      const request = api.http()[method](`/api/dashboard/childminder/support/${created.body.id}`).set(minderB.auth);
      return body ? request.send(body) : request;
    },
  },
];

/** Support tickets and the contact form (support issue). Support agents reach these and nothing else of admin. */
export const supportPolicies: RoutePolicy[] = [
  { route: 'GET /api/tickets', access: 'signed-in' },
  { route: 'POST /api/tickets', access: REQUESTERS },
  {
    route: 'GET /api/tickets/:id',
    access: 'signed-in',
    ownership: otherParentTicketProbe("parent B reads parent A's ticket", 'get', (id) => `/api/tickets/${id}`),
  },
  {
    route: 'PATCH /api/tickets/:id',
    access: 'signed-in',
    ownership: otherParentTicketProbe("parent B closes parent A's ticket", 'patch', (id) => `/api/tickets/${id}`, {
      status: 'closed',
    }),
  },
  {
    route: 'GET /api/tickets/:id/replies',
    access: 'signed-in',
    ownership: otherParentTicketProbe("parent B reads parent A's replies", 'get', (id) => `/api/tickets/${id}/replies`),
  },
  {
    route: 'POST /api/tickets/:id/replies',
    access: 'signed-in',
    ownership: otherParentTicketProbe(
      "parent B replies on parent A's ticket",
      'post',
      (id) => `/api/tickets/${id}/replies`,
      { body: 'Probe reply' },
    ),
  },
  { route: 'POST /api/contact', access: 'public' },
  { route: 'GET /api/dashboard/parent/support', access: [Role.Parent] },
  { route: 'POST /api/dashboard/parent/support', access: [Role.Parent] },
  {
    route: 'GET /api/dashboard/parent/support/:id',
    access: [Role.Parent],
    ownership: otherParentTicketProbe(
      "parent B opens parent A's ticket under Help",
      'get',
      (id) => `/api/dashboard/parent/support/${id}`,
    ),
  },
  {
    route: 'PATCH /api/dashboard/parent/support/:id',
    access: [Role.Parent],
    ownership: otherParentTicketProbe(
      "parent B closes parent A's ticket under Help",
      'patch',
      (id) => `/api/dashboard/parent/support/${id}`,
      { status: 'closed' },
    ),
  },
  { route: 'GET /api/dashboard/childminder/support', access: [Role.Childminder] },
  { route: 'POST /api/dashboard/childminder/support', access: [Role.Childminder] },
  {
    route: 'GET /api/dashboard/childminder/support/:id',
    access: [Role.Childminder],
    ownership: otherChildminderTicketProbe("childminder B opens childminder A's ticket", 'get'),
  },
  {
    route: 'PATCH /api/dashboard/childminder/support/:id',
    access: [Role.Childminder],
    ownership: otherChildminderTicketProbe("childminder B closes childminder A's ticket", 'patch', {
      status: 'closed',
    }),
  },
  { route: 'GET /api/admin/support', access: STAFF_ROLES },
  { route: 'POST /api/admin/support', access: STAFF_ROLES },
  { route: 'GET /api/admin/support/search', access: STAFF_ROLES },
  { route: 'GET /api/admin/support/stats', access: STAFF_ROLES },
  {
    route: 'GET /api/admin/support/:id',
    access: STAFF_ROLES,
    ownership: {
      why: 'support agents and admins see every ticket by design',
      coveredBy: {
        file: 'test/api/support/support-stories.ts',
        test: "another parent's or childminder's ticket is 404 everywhere; agents see every ticket",
      },
    },
  },
  {
    route: 'PATCH /api/admin/support/:id',
    access: STAFF_ROLES,
    ownership: {
      why: 'support agents and admins handle every ticket by design',
      coveredBy: {
        file: 'test/api/support/support-stories.ts',
        test: "another parent's or childminder's ticket is 404 everywhere; agents see every ticket",
      },
    },
  },
  { route: 'DELETE /api/admin/support/:id', access: ADMIN_ROLES },
  { route: 'GET /api/test-tickets', access: ADMIN_ROLES },
];
