import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the fake behaves while it is down. */
export type GraphOutage =
  /** Answers every request with 503 and a Retry-After header, as Graph does under load. */
  | 'unavailable'
  /** Accepts the connection and drops it without answering (a crashed proxy, a reset). */
  | 'drop';

export interface GraphFakeOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The only mailbox that may send; others get Graph's 404. */
  mailbox?: string;
  /** `expires_in` of issued tokens, in seconds. */
  tokenLifetimeSeconds?: number;
}

/** What `POST /v1.0/users/{mailbox}/sendMail` received, as Graph would have sent it. */
export interface ReceivedMail {
  mailbox: string;
  message: GraphMessage;
  saveToSentItems: unknown;
  receivedAt: Date;
}

export interface GraphMessage {
  subject: string;
  body: { contentType: string; content: string };
  from?: { emailAddress: { address: string; name?: string } };
  toRecipients: { emailAddress: { address: string; name?: string } }[];
  internetMessageHeaders?: { name: string; value: string }[];
}

/**
 * A stand-in for Microsoft Graph mail and the Microsoft identity platform, for tests only: a
 * real HTTP server that speaks their wire protocol, so the product's real Graph client and
 * token provider talk to it unchanged (GRAPH_BASE_URL and GRAPH_AUTHORITY_URL point here).
 *
 * - `POST /{tenant}/oauth2/v2.0/token`: the client-credentials grant, form-encoded.
 * - `POST /v1.0/users/{mailbox}/sendMail`: checks the bearer token, records the message, 202.
 * It can be taken down (`down()`) and brought back (`up()`) to test retries.
 */
export class GraphFake {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly mailbox: string;
  /** Every message accepted, oldest first. */
  readonly messages: ReceivedMail[] = [];
  /** Every token issued. */
  readonly tokensIssued: string[] = [];
  /** Requests answered while down (503 or dropped). */
  refusedWhileDown = 0;

  private outage: GraphOutage | undefined;
  private readonly validTokens = new Map<string, number>();
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private readonly tokenLifetimeSeconds: number;

  private constructor(options: GraphFakeOptions) {
    this.tenantId = options.tenantId ?? 'fake-tenant-0f1e2d3c';
    this.clientId = options.clientId ?? 'fake-client-4b5a6978';
    this.clientSecret = options.clientSecret ?? `secret-${randomBytes(12).toString('hex')}`;
    this.mailbox = (options.mailbox ?? 'no-reply@childminder-connect.test').toLowerCase();
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3599;
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, graphError('InternalServerError', String(error)));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: GraphFakeOptions = {}): Promise<GraphFake> {
    const fake = new GraphFake(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** http://127.0.0.1:<port>: the authority (token) base URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Graph base URL, version included, as GRAPH_BASE_URL takes it. */
  get graphBaseUrl(): string {
    return `${this.url}/v1.0`;
  }

  /** The environment that points the product at this fake. */
  env(): Record<string, string> {
    return {
      MAIL_TRANSPORT: 'graph',
      GRAPH_TENANT_ID: this.tenantId,
      GRAPH_CLIENT_ID: this.clientId,
      GRAPH_CLIENT_SECRET: this.clientSecret,
      GRAPH_SENDER: this.mailbox,
      GRAPH_BASE_URL: this.graphBaseUrl,
      GRAPH_AUTHORITY_URL: this.url,
    };
  }

  /** Messages received for one recipient. */
  messagesTo(address: string): ReceivedMail[] {
    return this.messages.filter((m) =>
      m.message.toRecipients.some((r) => r.emailAddress.address.toLowerCase() === address.toLowerCase()),
    );
  }

  down(outage: GraphOutage = 'unavailable'): void {
    this.outage = outage;
    // Keep-alive connections from before the outage must not slip requests through.
    for (const socket of this.sockets) socket.destroy();
  }

  up(): void {
    this.outage = undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (this.outage) {
      this.refusedWhileDown += 1;
      if (this.outage === 'drop') {
        request.socket.destroy();
        return;
      }
      response.setHeader('retry-after', '30');
      json(
        response,
        503,
        graphError('ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'),
      );
      return;
    }
    const url = new URL(request.url ?? '/', this.url);
    const token = url.pathname.match(/^\/([^/]+)\/oauth2\/v2\.0\/token$/);
    if (token && request.method === 'POST')
      return this.issueToken(decodeURIComponent(token[1]!), request, body, response);
    const sendMail = url.pathname.match(/^\/v1\.0\/users\/([^/]+)\/sendMail$/);
    if (sendMail && request.method === 'POST')
      return this.sendMail(decodeURIComponent(sendMail[1]!), request, body, response);
    json(
      response,
      404,
      graphError('Request_UnsupportedQuery', `Unsupported request: ${request.method} ${url.pathname}`),
    );
  }

  /** The Microsoft identity platform's client-credentials grant (RFC 6749 4.4, AAD flavour). */
  private issueToken(tenant: string, request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return json(
        response,
        400,
        aadError('invalid_request', 'AADSTS900144: The request body must contain the following parameter: grant_type.'),
      );
    }
    if (tenant !== this.tenantId) {
      return json(response, 400, aadError('invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`));
    }
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      return json(
        response,
        400,
        aadError('unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.'),
      );
    }
    if (form.get('client_id') !== this.clientId) {
      return json(
        response,
        400,
        aadError(
          'unauthorized_client',
          `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found.`,
        ),
      );
    }
    if (form.get('client_secret') !== this.clientSecret) {
      return json(response, 401, aadError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'));
    }
    if (form.get('scope') !== 'https://graph.microsoft.com/.default') {
      return json(
        response,
        400,
        aadError(
          'invalid_scope',
          'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
        ),
      );
    }
    const accessToken = `fake-graph-token.${randomBytes(24).toString('base64url')}`;
    this.validTokens.set(accessToken, Date.now() + this.tokenLifetimeSeconds * 1000);
    this.tokensIssued.push(accessToken);
    json(response, 200, {
      token_type: 'Bearer',
      expires_in: this.tokenLifetimeSeconds,
      ext_expires_in: this.tokenLifetimeSeconds,
      access_token: accessToken,
    });
  }

  /** `POST /users/{id | userPrincipalName}/sendMail`. */
  private sendMail(mailbox: string, request: IncomingMessage, body: string, response: ServerResponse): void {
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const expiresAt = bearer ? this.validTokens.get(bearer) : undefined;
    if (!bearer || !expiresAt || expiresAt < Date.now()) {
      return json(
        response,
        401,
        graphError(
          'InvalidAuthenticationToken',
          bearer ? 'Access token has expired or is not yet valid.' : 'Access token is empty.',
        ),
      );
    }
    if (mailbox.toLowerCase() !== this.mailbox) {
      return json(response, 404, graphError('ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`));
    }
    if (!String(request.headers['content-type']).startsWith('application/json')) {
      return json(response, 415, graphError('UnsupportedMediaType', 'Content-Type must be application/json.'));
    }
    let payload: { message?: GraphMessage; saveToSentItems?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return json(response, 400, graphError('BadRequest', 'Unable to read JSON request payload.'));
    }
    const message = payload.message;
    if (!message?.toRecipients?.length || !message.toRecipients.every((r) => r?.emailAddress?.address)) {
      return json(response, 400, graphError('ErrorInvalidRecipients', 'At least one recipient is not valid.'));
    }
    if (!message.body || !['html', 'text'].includes(String(message.body.contentType).toLowerCase())) {
      return json(response, 400, graphError('RequestBodyRead', 'The message body content type is not valid.'));
    }
    this.messages.push({ mailbox, message, saveToSentItems: payload.saveToSentItems, receivedAt: new Date() });
    response.writeHead(202, { 'request-id': randomBytes(8).toString('hex') });
    response.end();
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Graph's error envelope. */
const graphError = (code: string, message: string) => ({
  error: {
    code,
    message,
    innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') },
  },
});

/** The identity platform's OAuth error body. */
const aadError = (error: string, description: string) => ({
  error,
  error_description: `${description}\r\nTrace ID: ${randomBytes(8).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`,
  error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
});
