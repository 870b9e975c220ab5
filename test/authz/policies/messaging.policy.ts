import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { PlanKey } from '@app/modules/subscriptions/plans';
import type { TestApp } from '../../support/test-app';
import { OwnershipProbe, RoutePolicy } from '../policy';

/** Starting a conversation needs the Plus plan. */
const PLUS = { plan: PlanKey.ParentPlus };

const PARENT_ONLY = [Role.Parent] as const;
const CHILDMINDER_ONLY = [Role.Childminder] as const;
const PARTICIPANTS = [Role.Parent, Role.Childminder] as const;

type Auth = { Authorization: string };

/** Parent A writes to childminder A: the conversation's id. */
async function givenConversation(api: TestApp): Promise<string> {
  const parentA = await api.given.signedIn(Role.Parent, PLUS);
  const minder = await api.given.childminder();
  const sent = await api
    .http()
    .post('/api/dashboard/parent/messages/send')
    .set(parentA.auth)
    .send({ recipientId: minder.user.id, text: 'Probe' });
  if (sent.status !== 201) throw new Error(`Could not start a conversation as parent A: ${sent.status}`);
  return sent.body.message.conversationId as string;
}

/** Parent B, signed in, acts on parent A's conversation with `path`. */
const otherParentConversationProbe = (name: string, path: (conversationId: string) => string): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api: TestApp) => {
      const conversationId = await givenConversation(api);
      const parentB = await api.given.signedIn(Role.Parent, PLUS);
      return api.http().post(path(conversationId)).set(parentB.auth);
    },
  },
];

/** A parent B or a childminder B names parent A's conversation in a query string or a body. */
const conversationInInputProbe = (
  name: string,
  as: Role.Parent | Role.Childminder,
  ask: (api: TestApp, conversationId: string, other: Auth) => Promise<{ status: number }>,
): OwnershipProbe => ({
  name,
  askAsOtherUser: async (api: TestApp) => {
    const conversationId = await givenConversation(api);
    const other = await api.given.signedIn(as, as === Role.Parent ? PLUS : {});
    return ask(api, conversationId, other.auth);
  },
});

/** Messaging, real time and the in-app notification feed (messaging issue). */
export const messagingPolicies: RoutePolicy[] = [
  { route: 'GET /api/dashboard/parent/messages', access: PARENT_ONLY },
  {
    route: 'GET /api/dashboard/parent/messages/conversation',
    access: PARENT_ONLY,
    inputIds: [
      conversationInInputProbe("parent B reads parent A's thread (?conversationId=)", Role.Parent, (api, id, auth) =>
        api.http().get('/api/dashboard/parent/messages/conversation').query({ conversationId: id }).set(auth),
      ),
    ],
  },
  {
    route: 'POST /api/dashboard/parent/messages/send',
    access: PARENT_ONLY,
    inputIds: [
      conversationInInputProbe(
        "parent B writes into parent A's thread (conversationId)",
        Role.Parent,
        (api, id, auth) =>
          api.http().post('/api/dashboard/parent/messages/send').set(auth).send({ conversationId: id, text: 'Hi' }),
      ),
    ],
  },
  { route: 'GET /api/dashboard/childminder/messages', access: CHILDMINDER_ONLY },
  {
    route: 'GET /api/dashboard/childminder/messages/conversation',
    access: CHILDMINDER_ONLY,
    inputIds: [
      conversationInInputProbe(
        "childminder B reads childminder A's thread (?conversationId=)",
        Role.Childminder,
        (api, id, auth) =>
          api.http().get('/api/dashboard/childminder/messages/conversation').query({ conversationId: id }).set(auth),
      ),
    ],
  },
  {
    route: 'POST /api/dashboard/childminder/messages/send',
    access: CHILDMINDER_ONLY,
    inputIds: [
      conversationInInputProbe(
        "childminder B writes into childminder A's thread (conversationId)",
        Role.Childminder,
        (api, id, auth) =>
          api
            .http()
            .post('/api/dashboard/childminder/messages/send')
            .set(auth)
            .send({ conversationId: id, text: 'Hi' }),
      ),
    ],
  },
  {
    route: 'POST /api/messages/conversations/:conversationId/block',
    access: PARTICIPANTS,
    ownership: otherParentConversationProbe(
      "parent B blocks parent A's conversation",
      (id) => `/api/messages/conversations/${id}/block`,
    ),
  },
  {
    route: 'POST /api/messages/conversations/:conversationId/unblock',
    access: PARTICIPANTS,
    ownership: otherParentConversationProbe(
      "parent B unblocks parent A's conversation",
      (id) => `/api/messages/conversations/${id}/unblock`,
    ),
  },
  { route: 'GET /api/admin/messages', access: ADMIN_ROLES },
  { route: 'GET /api/admin/messages/conversation', access: ADMIN_ROLES },
  { route: 'GET /api/admin/messages/search', access: ADMIN_ROLES },
  { route: 'POST /api/messages/sse/ticket', access: 'signed-in' },
  // Public to the guard because EventSource cannot send a header; the ticket authenticates
  // (a missing or bad one is 401 SSE_TICKET_INVALID).
  { route: 'GET /api/messages/sse', access: 'public' },
  { route: 'GET /api/notifications', access: 'signed-in' },
  { route: 'POST /api/notifications/read-all', access: 'signed-in' },
  {
    route: 'POST /api/notifications/:id/read',
    access: 'signed-in',
    ownership: [
      {
        name: "parent B marks parent A's notification read",
        askAsOtherUser: async (api) => {
          const parentA = await api.given.parent();
          const created = await api.app
            .get(NotificationsFeedService)
            .notify(parentA.user.id, { type: 'probe', title: 'Probe', body: 'Probe' });
          const parentB = await api.given.signedIn(Role.Parent, PLUS);
          return api.http().post(`/api/notifications/${created.id}/read`).set(parentB.auth);
        },
      },
    ],
  },
];
