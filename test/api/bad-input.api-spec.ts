import { AddressInfo } from 'node:net';
import { ALL_ROLES, Role } from '@app/common/auth/role';
import { AccessTokens } from '@app/modules/auth/access-tokens.service';
import { SessionsService } from '@app/modules/auth/sessions/sessions.service';
import { discoverRoutes } from '../authz/route-table';
import { BadInputGenerator, BadRequest, OpenApiDocument, Operation } from '../support/bad-input';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * No input makes the server fail. Every operation in the OpenAPI document, called by a role that
 * may reach it, receives generated bad requests (test/support/bad-input.ts); no answer may be a
 * 5xx, except a 5xx the operation documents (a health check's 503), and then never a crash.
 * It reads the document, so a new endpoint is covered the day it appears.
 */
// Thousands of requests in one test: on a busy 2-core machine they need more than the default two minutes.
jest.setTimeout(600_000);

describe('Bad input never causes a server error', () => {
  let api: TestApp;
  let baseUrl: string;
  let document: OpenApiDocument;
  const users = new Map<Role, string>();

  beforeAll(async () => {
    // A database of its own: valid-looking bad input changes platform settings (maintenance, security
    // settings) that the stories after this one must not inherit.
    api = await startTestApp({ DATABASE_URL: '' });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    document = (await api.http().get('/api/docs-json')).body as OpenApiDocument;
    for (const role of ALL_ROLES) users.set(role, (await api.given.user({ role })).user.id);
  });
  afterAll(async () => {
    // Bad input to PATCH /api/system/maintenance can be a valid "on": the next story must not start in maintenance.
    await fetch(new URL('/api/system/maintenance', baseUrl), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await tokenFor(Role.Admin)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    await api.close();
  });

  /** A fresh session for the role's user: an operation under test may end one (logout). */
  async function tokenFor(role: Role): Promise<string> {
    const userId = users.get(role)!;
    const { session } = await api.dataSource.transaction((manager) =>
      api.app
        .get(SessionsService, { strict: false })
        .start(userId, { ip: '127.0.0.1', userAgent: 'bad-input' }, manager),
    );
    return api.app.get(AccessTokens, { strict: false }).signAccess({ sub: userId, role, sid: session.id });
  }

  /** Sends one request; resolves to a problem description, or undefined when the answer is not a server error. */
  async function send(
    method: string,
    request: BadRequest,
    operation: Operation,
    token: string | undefined,
  ): Promise<string | undefined> {
    const url = new URL(request.path, baseUrl);
    for (const [name, value] of request.query) url.searchParams.append(name, value);
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (request.contentType) headers['content-type'] = request.contentType;
    const where = `${method.toUpperCase()} ${request.path.slice(0, 80)} (${request.label})`;
    try {
      const response = await fetch(url, {
        method: method.toUpperCase(),
        headers,
        body: request.body,
        signal: AbortSignal.timeout(30_000),
      });
      // An event stream that opened stays open: its status is all there is to check.
      const text = response.headers.get('content-type')?.includes('text/event-stream')
        ? (await response.body?.cancel(), '')
        : await response.text();
      if (response.status < 500) return undefined;
      // A page for browsers (the Google callback when Google is not configured) answers a documented status in HTML.
      if (
        response.headers.get('content-type')?.includes('text/html') &&
        String(response.status) in operation.responses
      ) {
        return undefined;
      }
      const code = (JSON.parse(text || '{}') as { code?: string }).code;
      if (String(response.status) in operation.responses && code && code !== 'INTERNAL_ERROR') return undefined;
      // A valid-looking "on" to PATCH /api/system/maintenance puts the platform into maintenance: a chosen state.
      if (response.status === 503 && code === 'MAINTENANCE') return undefined;
      return `${where}: ${response.status} ${code ?? text.slice(0, 200)}`;
    } catch (error) {
      return `${where}: no answer (${(error as Error).message})`;
    }
  }

  it('answers every generated bad request for every operation without a 5xx', async () => {
    const routes = discoverRoutes(api.app);
    const generator = new BadInputGenerator(document);
    const problems: string[] = [];
    let sent = 0;
    // BAD_INPUT_ONLY=/api/user narrows a run to the paths matching it while investigating.
    const only = new RegExp(process.env.BAD_INPUT_ONLY ?? '');
    for (const [path, item] of Object.entries(document.paths)) {
      if (!only.test(path)) continue;
      for (const [method, operation] of Object.entries(item)) {
        const route = routes.find(
          (r) => r.method === method.toUpperCase() && r.path === path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
        );
        if (!route) {
          problems.push(`${method.toUpperCase()} ${path}: in the document but not a route`);
          continue;
        }
        const role = route.rule?.kind === 'authenticated' ? (route.rule.roles[0] ?? Role.Parent) : undefined;
        const token = role ? await tokenFor(role) : undefined;
        const requests = generator.requestsFor(path, operation);
        // A few at a time: fast, and close enough to how a scanner sends them.
        for (let i = 0; i < requests.length; i += 4) {
          const answers = await Promise.all(
            requests.slice(i, i + 4).map((request) => send(method, request, operation, token)),
          );
          problems.push(...answers.filter((a): a is string => !!a));
        }
        sent += requests.length;
      }
    }
    expect(problems).toEqual([]);
    // The generator did its job: thousands of requests over every operation.
    if (!process.env.BAD_INPUT_ONLY) expect(sent).toBeGreaterThan(3000);
  });
});
