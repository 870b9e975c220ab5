import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { GraphMailConfig } from './graph-mail-config';
import { describeNetworkFailure } from './network-error';

/** The application permissions granted to the app registration (Mail.Send), as Graph wants them. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
const REQUEST_TIMEOUT_MS = 15_000;
/** Renew this long before expiry, so a token never runs out between fetching and using it. */
const RENEW_MARGIN_MS = 5 * 60_000;

export const TOKEN_REQUEST_ERROR = 'TokenRequestError';

/** The token could not be obtained; the message says why. */
export class TokenRequestError extends Error {
  override readonly name = TOKEN_REQUEST_ERROR;
}

interface TokenResponse {
  token_type?: string;
  expires_in?: number | string;
  access_token?: string;
  error?: string;
  error_description?: string;
}

/**
 * An app-only access token for Microsoft Graph from the OAuth 2.0 client-credentials grant,
 * cached until shortly before it expires. Concurrent callers share one token request.
 */
export class ClientCredentialsTokenProvider implements AuthenticationProvider {
  private cached: { token: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly config: GraphMailConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async getAccessToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.inFlight ??= this.requestToken().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forgets the cached token, e.g. after Graph refused it (revoked, or the app's rights changed). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async requestToken(): Promise<string> {
    const { authorityUrl, tenantId, clientId, clientSecret } = this.config;
    let response: Response;
    try {
      response = await fetch(`${authorityUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          client_id: clientId,
          client_secret: clientSecret,
          scope: GRAPH_DEFAULT_SCOPE,
          grant_type: 'client_credentials',
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new TokenRequestError(`Could not reach the Microsoft identity platform: ${describeNetworkFailure(error)}`);
    }
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || typeof body.access_token !== 'string') {
      // error_description starts with an AADSTS code that names the problem (wrong secret,
      // unknown tenant, missing consent); the rest of it is a trace id and a timestamp.
      const reason = [body.error, body.error_description?.split(/\r?\n/)[0]].filter(Boolean).join(': ');
      throw new TokenRequestError(
        `The Microsoft identity platform refused a token (${response.status})${reason ? `: ${reason}` : ''}`,
      );
    }
    const lifetimeMs = (Number(body.expires_in) || 3600) * 1000;
    this.cached = {
      token: body.access_token,
      renewAt: this.now() + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2),
    };
    return body.access_token;
  }
}
