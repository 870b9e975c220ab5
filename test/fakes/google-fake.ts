import { createHash, createSign, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A Google account the fake's consent screen signs in as. */
export interface FakeGoogleAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/** An event as Calendar v3 stores it. */
export interface FakeCalendarEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  transparency?: string;
  colorId?: string;
  extendedProperties?: { private?: Record<string, string> };
}

export interface FakeCalendar {
  id: string;
  summary: string;
  owner: string;
  primary: boolean;
  events: Map<string, FakeCalendarEvent>;
}

/** A Calendar v3 operation, to make it fail on purpose. */
export type CalendarOperation =
  | 'calendars.insert'
  | 'calendarList.list'
  | 'events.insert'
  | 'events.patch'
  | 'events.delete'
  | 'events.list'
  | 'freebusy.query';

interface Grant {
  account: FakeGoogleAccount;
  scope: string;
  revoked: boolean;
}

interface PendingCode {
  grant: Grant;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  used: boolean;
}

/**
 * A stand-in for Google, for tests only: a real HTTP server speaking the wire protocol of
 * Google's OAuth 2.0 / OpenID Connect endpoints and of Calendar v3, so that googleapis and
 * google-auth-library talk to it unchanged (GOOGLE_OAUTH_BASE_URL and GOOGLE_API_BASE_URL point
 * here; see `env()`).
 *
 * - `GET /o/oauth2/v2/auth`: the consent screen; it consents at once as `consentAs` and
 *   redirects back with a code (PKCE S256 recorded when sent).
 * - `POST /token`: authorization_code and refresh_token grants; ID tokens signed RS256.
 * - `POST /revoke`; `GET /oauth2/v1/certs` (PEM), `GET /oauth2/v3/certs` (JWKS),
 *   `GET /.well-known/openid-configuration`.
 * - Calendar v3: `POST /calendar/v3/calendars`, `GET /calendar/v3/users/me/calendarList`,
 *   events insert/patch/delete/list under `/calendar/v3/calendars/{id}/events`, and
 *   `POST /calendar/v3/freeBusy` (from the busy times a test sets with `setBusy`).
 */
export class GoogleFake {
  readonly clientId = `fake-client-${randomBytes(4).toString('hex')}.apps.googleusercontent.com`;
  readonly clientSecret = `fake-secret-${randomBytes(12).toString('hex')}`;
  /** The account the consent screen signs in as next. */
  consentAs: FakeGoogleAccount = GoogleFake.account('someone');
  /** Set false to withhold the refresh token (as Google does on a repeated consent without prompt). */
  issueRefreshTokens = true;
  /** Claims the next ID token carries instead of the true ones (a forged or misdirected token). */
  idTokenOverrides: Record<string, unknown> | null = null;
  /** Requests to the Calendar API, in order (`POST /calendar/v3/calendars/x/events`). */
  readonly calendarRequests: string[] = [];

  private readonly calendars = new Map<string, FakeCalendar>();
  private readonly busy = new Map<string, { start: string; end: string }[]>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly failures = new Map<CalendarOperation, { status: number; times: number }>();
  private readonly keyId = randomBytes(8).toString('hex');
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, apiError(500, String(error)));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(): Promise<GoogleFake> {
    const fake = new GoogleFake();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** A Google account with a unique address. */
  static account(label: string, overrides: Partial<FakeGoogleAccount> = {}): FakeGoogleAccount {
    const id = randomBytes(6).toString('hex');
    return {
      sub: `1${BigInt(`0x${id}`).toString().padStart(15, '0')}`,
      email: `${label}.${id}@gmail.test`,
      emailVerified: true,
      name: `${label[0]!.toUpperCase()}${label.slice(1)} Example`,
      ...overrides,
    };
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The environment that points the product at this fake. */
  env(): Record<string, string> {
    return {
      GOOGLE_CLIENT_ID: this.clientId,
      GOOGLE_CLIENT_SECRET: this.clientSecret,
      GOOGLE_OAUTH_BASE_URL: this.url,
      GOOGLE_API_BASE_URL: this.url,
    };
  }

  /** The calendars an account owns (primary first). */
  calendarsOf(email: string): FakeCalendar[] {
    return [...this.calendars.values()].filter((c) => c.owner === email).sort((a, b) => +b.primary - +a.primary);
  }

  /** Live (not cancelled) events of a calendar. */
  eventsOf(calendarId: string): FakeCalendarEvent[] {
    return [...(this.calendars.get(calendarId)?.events.values() ?? [])].filter((e) => e.status !== 'cancelled');
  }

  /** The busy times freeBusy reports for the account's primary calendar. */
  setBusy(email: string, spans: { start: Date; end: Date }[]): void {
    this.busy.set(
      email,
      spans.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    );
  }

  /** The next `times` calls of an operation answer `status` (503 by default). */
  failNext(operation: CalendarOperation, times = 1, status = 503): void {
    this.failures.set(operation, { status, times });
  }

  /** The user removed the app's access in their Google account: every token stops working. */
  revokeAccess(email: string): void {
    for (const grant of this.refreshTokens.values()) if (grant.account.email === email) grant.revoked = true;
  }

  /** Access tokens expire now (the client must refresh). */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', this.url);
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /o/oauth2/v2/auth') return this.consent(url, response);
    if (route === 'POST /token') return this.token(body, response);
    if (route === 'POST /revoke') return this.revoke(body, url, response);
    if (route === 'GET /oauth2/v1/certs') return json(response, 200, { [this.keyId]: this.publicPem() });
    if (route === 'GET /oauth2/v3/certs') return json(response, 200, { keys: [this.jwk()] });
    if (route === 'GET /.well-known/openid-configuration') return json(response, 200, this.discovery());
    if (url.pathname.startsWith('/calendar/v3/')) return this.calendarApi(request, url, body, response);
    json(response, 404, apiError(404, `Not found: ${route}`));
  }

  private discovery() {
    return {
      issuer: this.url,
      authorization_endpoint: `${this.url}/o/oauth2/v2/auth`,
      token_endpoint: `${this.url}/token`,
      revocation_endpoint: `${this.url}/revoke`,
      jwks_uri: `${this.url}/oauth2/v3/certs`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      code_challenge_methods_supported: ['plain', 'S256'],
    };
  }

  /** Google's consent screen, consenting at once: back to redirect_uri with a one-use code. */
  private consent(url: URL, response: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('client_id') !== this.clientId || !redirectUri) {
      return json(response, 400, { error: 'invalid_request', error_description: 'Unknown client or redirect_uri' });
    }
    const code = `4/${randomBytes(18).toString('base64url')}`;
    this.codes.set(code, {
      grant: { account: this.consentAs, scope: url.searchParams.get('scope') ?? '', revoked: false },
      redirectUri,
      codeChallenge: url.searchParams.get('code_challenge'),
      nonce: url.searchParams.get('nonce'),
      used: false,
    });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state !== null) back.searchParams.set('state', state);
    back.searchParams.set('scope', url.searchParams.get('scope') ?? '');
    back.searchParams.set('authuser', '0');
    back.searchParams.set('prompt', 'consent');
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  private token(body: string, response: ServerResponse): void {
    const form = new URLSearchParams(body);
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return json(response, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    }
    if (form.get('grant_type') === 'authorization_code') {
      const pending = this.codes.get(form.get('code') ?? '');
      if (!pending || pending.used || pending.redirectUri !== form.get('redirect_uri')) {
        return json(response, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
      }
      if (pending.codeChallenge) {
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== pending.codeChallenge) {
          return json(response, 400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' });
        }
      }
      pending.used = true;
      const refreshToken = `1//${randomBytes(24).toString('base64url')}`;
      this.refreshTokens.set(refreshToken, pending.grant);
      return json(response, 200, {
        ...this.accessToken(pending.grant),
        ...(this.issueRefreshTokens ? { refresh_token: refreshToken } : {}),
        id_token: this.idToken(pending.grant.account, pending.nonce),
      });
    }
    if (form.get('grant_type') === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) {
        return json(response, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      return json(response, 200, this.accessToken(grant));
    }
    json(response, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
  }

  private accessToken(grant: Grant) {
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(token, { grant, expiresAt: Date.now() + 3599_000 });
    return { access_token: token, expires_in: 3599, scope: grant.scope, token_type: 'Bearer' };
  }

  private revoke(body: string, url: URL, response: ServerResponse): void {
    const token = new URLSearchParams(body).get('token') ?? url.searchParams.get('token') ?? '';
    const grant = this.refreshTokens.get(token) ?? this.accessTokens.get(token)?.grant;
    if (!grant) return json(response, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    grant.revoked = true;
    json(response, 200, {});
  }

  private idToken(account: FakeGoogleAccount, nonce: string | null): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', kid: this.keyId, typ: 'JWT' };
    const claims = {
      iss: this.url,
      azp: this.clientId,
      aud: this.clientId,
      sub: account.sub,
      email: account.email,
      email_verified: account.emailVerified,
      name: account.name,
      iat: now,
      exp: now + 3600,
      ...(nonce ? { nonce } : {}),
      ...this.idTokenOverrides,
    };
    this.idTokenOverrides = null;
    const input = `${b64(header)}.${b64(claims)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(this.privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  private publicPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  private jwk() {
    return { ...this.publicKey.export({ format: 'jwk' }), kid: this.keyId, alg: 'RS256', use: 'sig' };
  }

  // ------------------------------------------------------------------ Calendar v3

  private async calendarApi(request: IncomingMessage, url: URL, body: string, response: ServerResponse): Promise<void> {
    this.calendarRequests.push(`${request.method} ${url.pathname}`);
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const token = bearer ? this.accessTokens.get(bearer) : undefined;
    if (!token || token.expiresAt < Date.now() || token.grant.revoked) {
      return json(response, 401, apiError(401, 'Request had invalid authentication credentials.', 'authError'));
    }
    const owner = token.grant.account.email;
    this.ensurePrimary(owner);
    const path = url.pathname.slice('/calendar/v3'.length);
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const fail = (operation: CalendarOperation) => {
      const failure = this.failures.get(operation);
      if (!failure || failure.times <= 0) return false;
      failure.times -= 1;
      json(response, failure.status, apiError(failure.status, 'Backend Error', 'backendError'));
      return true;
    };

    if (request.method === 'POST' && path === '/calendars') {
      if (fail('calendars.insert')) return;
      const id = `${randomBytes(12).toString('hex')}@group.calendar.google.com`;
      this.calendars.set(id, { id, summary: String(input.summary ?? ''), owner, primary: false, events: new Map() });
      return json(response, 200, { kind: 'calendar#calendar', id, summary: input.summary, timeZone: input.timeZone });
    }
    if (request.method === 'GET' && path === '/users/me/calendarList') {
      if (fail('calendarList.list')) return;
      return json(response, 200, {
        kind: 'calendar#calendarList',
        items: this.calendarsOf(owner).map((c) => ({
          id: c.id,
          summary: c.summary,
          primary: c.primary || undefined,
          accessRole: 'owner',
        })),
      });
    }
    if (request.method === 'POST' && path === '/freeBusy') {
      if (fail('freebusy.query')) return;
      const items = (input.items as { id: string }[] | undefined) ?? [];
      const from = Date.parse(String(input.timeMin));
      const to = Date.parse(String(input.timeMax));
      const busy = (this.busy.get(owner) ?? []).filter((b) => Date.parse(b.start) < to && Date.parse(b.end) > from);
      return json(response, 200, {
        kind: 'calendar#freeBusy',
        timeMin: input.timeMin,
        timeMax: input.timeMax,
        calendars: Object.fromEntries(items.map((item) => [item.id, { busy }])),
      });
    }
    const events = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (events) {
      const calendar = this.calendars.get(decodeURIComponent(events[1]!));
      if (!calendar || calendar.owner !== owner) return json(response, 404, apiError(404, 'Not Found', 'notFound'));
      const eventId = events[2] ? decodeURIComponent(events[2]) : undefined;
      if (request.method === 'GET' && !eventId) {
        if (fail('events.list')) return;
        return json(response, 200, { kind: 'calendar#events', items: [...calendar.events.values()] });
      }
      if (request.method === 'POST' && !eventId) {
        if (fail('events.insert')) return;
        const id = typeof input.id === 'string' ? input.id : randomBytes(16).toString('hex');
        if (!/^[a-v0-9]{5,1024}$/.test(id))
          return json(response, 400, apiError(400, 'Invalid resource id value.', 'invalid'));
        if (calendar.events.has(id)) {
          return json(response, 409, apiError(409, 'The requested identifier already exists.', 'duplicate'));
        }
        const event = { ...(input as unknown as FakeCalendarEvent), id, status: 'confirmed' as const };
        calendar.events.set(id, event);
        return json(response, 200, { kind: 'calendar#event', ...event });
      }
      const existing = eventId ? calendar.events.get(eventId) : undefined;
      if (request.method === 'PATCH' && eventId) {
        if (fail('events.patch')) return;
        if (!existing) return json(response, 404, apiError(404, 'Not Found', 'notFound'));
        const event = { ...existing, ...(input as Partial<FakeCalendarEvent>), id: eventId };
        calendar.events.set(eventId, event);
        return json(response, 200, { kind: 'calendar#event', ...event });
      }
      if (request.method === 'DELETE' && eventId) {
        if (fail('events.delete')) return;
        if (!existing) return json(response, 404, apiError(404, 'Not Found', 'notFound'));
        if (existing.status === 'cancelled')
          return json(response, 410, apiError(410, 'Resource has been deleted', 'deleted'));
        existing.status = 'cancelled';
        response.writeHead(204);
        response.end();
        return;
      }
    }
    json(response, 404, apiError(404, `Not Found: ${request.method} ${url.pathname}`, 'notFound'));
  }

  private ensurePrimary(email: string): void {
    if (!this.calendars.has(email)) {
      this.calendars.set(email, { id: email, summary: email, owner: email, primary: true, events: new Map() });
    }
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify(body));
}

/** Google's JSON error envelope. */
const apiError = (code: number, message: string, reason = 'backendError') => ({
  error: { code, message, errors: [{ domain: 'global', reason, message }] },
});
