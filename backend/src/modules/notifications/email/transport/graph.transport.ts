import {
  Client,
  Context,
  GraphError,
  HTTPMessageHandler,
  Middleware,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { Logger } from '@nestjs/common';
import { ClientCredentialsTokenProvider, TOKEN_REQUEST_ERROR } from './client-credentials-token.provider';
import type { GraphMailConfig } from './graph-mail-config';
import { MailTransport, OutgoingEmail } from './mail-transport';
import { describeNetworkFailure, isErrorLike } from './network-error';

const SEND_TIMEOUT_MS = 20_000;

/**
 * Sends through Microsoft Graph `POST /users/{sender}/sendMail`, as the configured mailbox,
 * with an app-only token (client credentials, permission Mail.Send).
 */
export class GraphMailTransport extends MailTransport {
  readonly name = 'graph';
  private readonly logger = new Logger(GraphMailTransport.name);
  private readonly client: Client;

  constructor(
    private readonly config: GraphMailConfig,
    private readonly tokens = new ClientCredentialsTokenProvider(config),
  ) {
    super();
    this.client = Client.initWithMiddleware({
      // GRAPH_BASE_URL already ends in the API version (https://graph.microsoft.com/v1.0).
      baseUrl: config.baseUrl,
      defaultVersion: '',
      // The library's default chain only attaches the token to https Graph hosts, and retries
      // 429/503 inside the request. Here the token goes to the configured base URL (which may be
      // another cloud or, in tests, a local fake) and retries belong to the outbox, which
      // spaces them out over an hour instead of holding the dispatch lease for them.
      middleware: [
        new BearerForBaseUrl(this.tokens, config.baseUrl),
        new NetworkFailureDetail(),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const recipient = { emailAddress: { address: email.to, ...(email.toName ? { name: email.toName } : {}) } };
    try {
      await this.client
        .api(`/users/${encodeURIComponent(this.config.sender)}/sendMail`)
        .option('signal', AbortSignal.timeout(SEND_TIMEOUT_MS))
        .post({
          message: {
            subject: email.subject,
            body: { contentType: 'HTML', content: email.html },
            from: { emailAddress: { address: this.config.sender, name: this.config.fromName } },
            toRecipients: [recipient],
            // Lets a support agent match a delivered email to its outbox row.
            internetMessageHeaders: [{ name: 'X-CMC-Outbox-Id', value: email.id }],
          },
          saveToSentItems: false,
        });
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 401) this.tokens.invalidate();
      throw new Error(describeGraphFailure(error));
    }
    this.logger.debug({ outboxId: email.id }, `Email "${email.subject}" sent to ${email.to} through Microsoft Graph`);
  }
}

/** "Microsoft Graph answered 503 ServiceUnavailable: ..." or why no answer came. */
function describeGraphFailure(error: unknown): string {
  if (error instanceof GraphError) {
    // The client wraps whatever a middleware throws; a token failure keeps its own wording.
    if (error.code === TOKEN_REQUEST_ERROR) return error.message;
    if (error.statusCode > 0) {
      return `Microsoft Graph answered ${error.statusCode}${error.code ? ` ${error.code}` : ''}${error.message ? `: ${error.message}` : ''}`;
    }
    return `Microsoft Graph could not be reached: ${error.message || error.code || 'no answer'}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Adds `Authorization: Bearer ...` to requests for the configured Graph base URL, and only those. */
class BearerForBaseUrl implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: ClientCredentialsTokenProvider,
    private readonly baseUrl: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = (context.options ??= {});
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    delete headers.Authorization;
    // A token for our tenant must never reach another host (a nextLink, a redirect).
    if (url === this.baseUrl || url.startsWith(`${this.baseUrl}/`)) {
      headers.Authorization = `Bearer ${await this.tokens.getAccessToken()}`;
    }
    options.headers = headers;
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Keeps the reason a request got no answer (refused, reset, timeout) in the error message. */
class NetworkFailureDetail implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    try {
      await this.next!.execute(context);
    } catch (error) {
      if (isErrorLike(error) && !(error instanceof GraphError)) {
        const described = new Error(describeNetworkFailure(error));
        described.name = typeof error.name === 'string' ? error.name : 'Error';
        throw described;
      }
      throw error;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
