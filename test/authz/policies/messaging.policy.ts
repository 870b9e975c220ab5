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

/** Parent A writes to a childminder; parent B, signed in, acts on that conversation with `path`. */
const otherParentConversationProbe = (name: string, path: (conversationId: string) => string): OwnershipProbe[] => [
  {
    name,
    askAsOtherUser: async (api: TestApp) => {
      const parentA = await api.given.signedIn(Role.Parent, PLUS);
      const minder = await api.given.childminder();
      const sent = await api
        .http()
        .post('/api/dashboard/parent/messages/send')
        .set(parentA.auth)
        .send({ recipientId: minder.user.id, text: 'Probe' });
      if (sent.status !== 201) throw new Error(`Could not start a conversation as parent A: ${sent.status}`);
      const parentB = await api.given.signedIn(Role.Parent, PLUS);
      return api
        .http()
        .post(path(sent.body.message.conversationId as string))
        .set(parentB.auth);
    },
  },
];

/** Messaging, real time and the in-app notification feed (messaging issue). */
export const messagingPolicies: RoutePolicy[] = [
  { route: 'GET /api/dashboard/parent/messages', access: PARENT_ONLY },
  { route: 'GET /api/dashboard/parent/messages/conversation', access: PARENT_ONLY },
  { route: 'POST /api/dashboard/parent/messages/send', access: PARENT_ONLY },
  { route: 'GET /api/dashboard/childminder/messages', access: CHILDMINDER_ONLY },
  { route: 'GET /api/dashboard/childminder/messages/conversation', access: CHILDMINDER_ONLY },
  { route: 'POST /api/dashboard/childminder/messages/send', access: CHILDMINDER_ONLY },
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
