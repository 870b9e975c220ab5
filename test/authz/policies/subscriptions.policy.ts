import { ADMIN_ROLES, Role } from '@app/common/auth/role';
import { RoutePolicy } from '../policy';

const PAYING = [Role.Parent, Role.Childminder] as const;

/** Subscriptions, payments and inbound webhooks (subscriptions issue). */
export const subscriptionsPolicies: RoutePolicy[] = [
  { route: 'GET /api/subscription/plans', access: 'public' },
  { route: 'GET /api/subscription/payments', access: 'public' },
  { route: 'GET /api/subscription/current', access: PAYING },
  { route: 'POST /api/subscription/update', access: PAYING },
  { route: 'POST /api/subscription/cancel', access: PAYING },
  { route: 'POST /api/create-checkout-session', access: PAYING },
  { route: 'GET /api/check-subscription', access: PAYING },
  { route: 'GET /api/fix-subscriptions', access: PAYING },
  {
    route: 'GET /api/subscription/simulator/:sessionId',
    access: PAYING,
    ownership: {
      why: 'a session id is signed and names its user; another user gets 404 (simulator.api-spec)',
      coveredBy: {
        file: 'test/api/subscriptions/simulator.api-spec.ts',
        test: 'a parent upgrades on the test-mode page and the plan becomes active',
      },
    },
  },
  {
    route: 'POST /api/subscription/simulator/:sessionId/pay',
    access: PAYING,
    ownership: {
      why: 'a session id is signed and names its user; another user gets 404 (simulator.api-spec)',
      coveredBy: {
        file: 'test/api/subscriptions/simulator.api-spec.ts',
        test: 'declining changes nothing and leads back to the cancel page',
      },
    },
  },
  {
    route: 'POST /api/subscription/simulator/:sessionId/decline',
    access: PAYING,
    ownership: {
      why: 'a session id is signed and names its user; another user gets 404 (simulator.api-spec)',
      coveredBy: {
        file: 'test/api/subscriptions/simulator.api-spec.ts',
        test: 'declining changes nothing and leads back to the cancel page',
      },
    },
  },
  { route: 'POST /api/webhooks/stripe', access: 'public' },
  { route: 'POST /api/webhook', access: 'public' },
  { route: 'GET /api/admin/subscriptions', access: ADMIN_ROLES },
  { route: 'GET /api/admin/subscriptions/setup', access: ADMIN_ROLES },
  { route: 'POST /api/admin/subscriptions/cancel', access: ADMIN_ROLES },
  { route: 'POST /api/admin/subscriptions/refund', access: ADMIN_ROLES },
  { route: 'GET /api/admin/subscriptions/:subscriptionId', access: ADMIN_ROLES },
  { route: 'PATCH /api/admin/subscriptions/:subscriptionId', access: ADMIN_ROLES },
];
