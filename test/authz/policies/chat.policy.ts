import { ADMIN_ROLES, Role, STAFF_ROLES } from '@app/common/auth/role';
import type { TestApp } from '../../support/test-app';
import { OwnershipProbe, RoutePolicy } from '../policy';

const REQUESTERS = [Role.Parent, Role.Childminder] as const;

/** Parent A starts a chat; `ask` acts on it as `asWho` (another parent, or a support agent it is not assigned to). */
const otherUsersChat = (
  name: string,
  asWho: Role,
  ask: (api: TestApp, sessionId: string, auth: Record<string, string>) => Promise<{ status: number }>,
): OwnershipProbe => ({
  name,
  askAsOtherUser: async (api) => {
    const parentA = await api.given.signedIn(Role.Parent);
    const started = await api.http().post('/api/chat/sessions').set(parentA.auth).send({ message: 'Probe' });
    if (started.status !== 201) throw new Error(`Could not start a chat as parent A: ${started.status}`);
    const other = await api.given.signedIn(asWho);
    return ask(api, started.body.id as string, other.auth);
  },
});

const probes = (
  what: string,
  ask: (api: TestApp, sessionId: string, auth: Record<string, string>) => Promise<{ status: number }>,
): OwnershipProbe[] => [
  otherUsersChat(`parent B ${what} parent A's chat`, Role.Parent, ask),
  otherUsersChat(`a support agent not in the chat ${what} it`, Role.SupportAgent, ask),
];

/** Live chat (support and live chat issue). */
export const chatPolicies: RoutePolicy[] = [
  { route: 'GET /api/chat/sessions', access: 'signed-in' },
  { route: 'POST /api/chat/sessions', access: REQUESTERS },
  {
    route: 'GET /api/chat/sessions/:id',
    access: 'signed-in',
    ownership: probes('reads', (api, id, auth) => api.http().get(`/api/chat/sessions/${id}`).set(auth)),
  },
  {
    route: 'PATCH /api/chat/sessions/:id',
    access: 'signed-in',
    ownership: probes('closes', (api, id, auth) =>
      api.http().patch(`/api/chat/sessions/${id}`).set(auth).send({ action: 'close' }),
    ),
  },
  {
    route: 'GET /api/chat/messages',
    access: 'signed-in',
    ownership: probes('reads the messages of', (api, id, auth) =>
      api.http().get('/api/chat/messages').query({ sessionId: id }).set(auth),
    ),
  },
  {
    route: 'POST /api/chat/messages',
    access: 'signed-in',
    ownership: probes('writes in', (api, id, auth) =>
      api.http().post('/api/chat/messages').set(auth).send({ sessionId: id, text: 'Hello' }),
    ),
  },
  { route: 'GET /api/chat/notifications', access: STAFF_ROLES },
  {
    route: 'POST /api/chat/transfer',
    access: STAFF_ROLES,
    ownership: [
      otherUsersChat('a support agent not in the chat transfers it', Role.SupportAgent, async (api, id, auth) => {
        const target = await api.given.user({ role: Role.SupportAgent });
        return api.http().post('/api/chat/transfer').set(auth).send({ sessionId: id, agentId: target.user.id });
      }),
    ],
  },
  { route: 'GET /api/chat/agents', access: STAFF_ROLES },
  { route: 'GET /api/chat/canned-replies', access: STAFF_ROLES },
  { route: 'PUT /api/chat/canned-replies', access: ADMIN_ROLES },
];
