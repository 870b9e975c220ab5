import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROLES, ADMIN_ROLES, Role } from '@app/common/auth/role';
import { AccessTokens } from '@app/modules/auth/access-tokens.service';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { discoverRoutes, DiscoveredRoute } from '../authz/route-table';
import { ROUTE_POLICIES } from '../authz/policies';
import { RoutePolicy } from '../authz/policy';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The authorization matrix: every route the app registers, probed by an anonymous caller and by
 * each role, against the policy its module declares in test/authz/policies.
 */
// Thousands of requests in one test: on a busy 2-core machine they need more than the default two minutes.
jest.setTimeout(600_000);

describe('Authorization matrix', () => {
  let api: TestApp;
  let routes: DiscoveredRoute[];
  const users = new Map<Role, { userId: string }>();

  beforeAll(async () => {
    api = await startTestApp();
    routes = discoverRoutes(api.app);
    for (const role of ALL_ROLES) users.set(role, { userId: (await api.given.user({ role })).user.id });
  });
  afterAll(() => api.close());

  /** A fresh session for the role's user: a route under test (logout, say) may end it. */
  async function tokenFor(role: Role): Promise<string> {
    const { userId } = users.get(role)!;
    const { session } = await api.dataSource.transaction((manager) =>
      api.app.get(SessionsService, { strict: false }).start(userId, { ip: '127.0.0.1', userAgent: 'matrix' }, manager),
    );
    return api.app.get(AccessTokens, { strict: false }).signAccess({ sub: userId, role, sid: session.id });
  }

  const concretePath = (path: string) => path.replace(/:[A-Za-z]+/g, () => randomUUID());

  function call(route: DiscoveredRoute, token?: string) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = api.http()[method](concretePath(route.path));
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  }

  const allowedRoles = (policy: RoutePolicy): readonly Role[] =>
    policy.access === 'public' || policy.access === 'signed-in' ? ALL_ROLES : policy.access;

  it('every route says who may call it (@Public or @Authenticated)', () => {
    const undecorated = routes.filter((r) => !r.rule).map((r) => `${r.key} (${r.handler})`);
    expect(undecorated).toEqual([]);
  });

  it('every route has a policy entry, and every entry names a real route', () => {
    const declared = new Set(ROUTE_POLICIES.map((p) => p.route));
    const existing = new Set(routes.map((r) => r.key));
    expect(routes.filter((r) => !declared.has(r.key)).map((r) => r.key)).toEqual([]);
    expect(ROUTE_POLICIES.filter((p) => !existing.has(p.route)).map((p) => p.route)).toEqual([]);
    expect(ROUTE_POLICIES.length).toBe(declared.size);
  });

  it('the declared policy matches the route’s decorator', () => {
    const mismatches = routes.flatMap((route) => {
      const policy = ROUTE_POLICIES.find((p) => p.route === route.key);
      if (!policy || !route.rule) return [];
      const declared = policy.access === 'public' ? 'public' : [...allowedRoles(policy)].sort().join(',');
      const actual =
        route.rule.kind === 'public'
          ? 'public'
          : [...(route.rule.roles.length ? route.rule.roles : ALL_ROLES)].sort().join(',');
      return declared === actual ? [] : [`${route.key}: policy ${declared}, decorator ${actual}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('routes with an object id reachable by non-admins prove per-object access', () => {
    const missing = ROUTE_POLICIES.filter(
      (p) => /:[A-Za-z]+/.test(p.route) && allowedRoles(p).some((r) => !ADMIN_ROLES.includes(r)) && !p.ownership,
    ).map((p) => p.route);
    expect(missing).toEqual([]);
  });

  it('every waiver names a spec file and a test in it that exist', () => {
    const wrong = ROUTE_POLICIES.flatMap((policy) => {
      const waiver = policy.ownership;
      if (!waiver || Array.isArray(waiver)) return [];
      const path = join(__dirname, '..', '..', waiver.coveredBy.file);
      if (!existsSync(path)) return [`${policy.route}: no file ${waiver.coveredBy.file}`];
      const source = readFileSync(path, 'utf8');
      const titled = [`'${waiver.coveredBy.test}'`, `"${waiver.coveredBy.test}"`, `\`${waiver.coveredBy.test}\``];
      return titled.some((title) => source.includes(title))
        ? []
        : [`${policy.route}: no test "${waiver.coveredBy.test}" in ${waiver.coveredBy.file}`];
    });
    expect(wrong).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const policy = ROUTE_POLICIES.find((p) => p.route === route.key);
      if (!policy) continue;
      const response = await call(route);
      const guarded = response.status === 401 && response.body.code === 'UNAUTHENTICATED';
      if (policy.access === 'public' ? guarded || response.status === 403 : !guarded) {
        wrong.push(`${route.key}: ${response.status} ${response.body.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each role gets 403 where it is not allowed and is let through where it is', async () => {
    const wrong: string[] = [];
    const tokens = new Map<Role, string>();
    for (const role of ALL_ROLES) tokens.set(role, await tokenFor(role));
    for (const route of routes) {
      const policy = ROUTE_POLICIES.find((p) => p.route === route.key);
      if (!policy || policy.access === 'public') continue;
      const allowed = allowedRoles(policy);
      for (const role of ALL_ROLES) {
        const token = allowed.includes(role) ? await tokenFor(role) : tokens.get(role)!;
        const response = await call(route, token);
        const refusedByGuard =
          (response.status === 403 && response.body.code === 'FORBIDDEN') ||
          (response.status === 401 && response.body.code === 'UNAUTHENTICATED');
        if (allowed.includes(role) ? refusedByGuard : response.status !== 403) {
          wrong.push(`${route.key} as ${role}: ${response.status} ${response.body.code}`);
        }
        if (response.status >= 500) wrong.push(`${route.key} as ${role}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('user B asking for user A’s object gets 404', async () => {
    const wrong: string[] = [];
    for (const policy of ROUTE_POLICIES) {
      if (!Array.isArray(policy.ownership)) continue;
      for (const probe of policy.ownership) {
        const response = await probe.askAsOtherUser(api);
        if (response.status !== (probe.expect ?? 404))
          wrong.push(`${policy.route} (${probe.name}): ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('user B naming user A’s object in a query string or a body gets 404', async () => {
    const wrong: string[] = [];
    for (const policy of ROUTE_POLICIES) {
      for (const probe of policy.inputIds ?? []) {
        const response = await probe.askAsOtherUser(api);
        if (response.status !== (probe.expect ?? 404))
          wrong.push(`${policy.route} (${probe.name}): ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
