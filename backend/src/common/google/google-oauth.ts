import { auth } from 'googleapis/build/src/apis/calendar';
import { GoogleConfig } from '@app/config/app-config';

/** googleapis' OAuth 2.0 client (google-auth-library's OAuth2Client). */
export type GoogleOAuthClient = InstanceType<typeof auth.OAuth2>;

/**
 * One OAuth client of the configured Google app, for calendar access or for sign-in (the
 * redirect URL differs). Its endpoints come from the configuration, so tests can point it at
 * the fake Google in test/fakes; the product uses Google's own.
 */
export function googleOAuthClient(google: GoogleConfig, redirectUri: string): GoogleOAuthClient {
  return new auth.OAuth2({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: google.oauth.authUrl,
      oauth2TokenUrl: google.oauth.tokenUrl,
      oauth2RevokeUrl: google.oauth.revokeUrl,
      oauth2FederatedSignonPemCertsUrl: google.oauth.certsUrl,
      oauth2FederatedSignonJwkCertsUrl: google.oauth.jwksUrl,
    },
    issuers: google.oauth.issuers,
    // Node's own fetch: gaxios would otherwise import node-fetch dynamically on first use.
    transporterOptions: { fetchImplementation: fetch },
  });
}

/** The HTTP status of a failed googleapis/gaxios call, if it got an answer. */
export function googleStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; response?: { status?: unknown } })?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Google's token endpoint refused the grant (revoked, expired or never valid). */
export function isGrantRefused(error: unknown): boolean {
  const data = (error as { response?: { data?: { error?: unknown } } })?.response?.data;
  if (data?.error === 'invalid_grant' || data?.error === 'unauthorized_client') return true;
  return /invalid_grant/.test(String((error as Error)?.message ?? ''));
}

/** A short, safe description of a Google failure for the status screen (never a token). */
export function describeGoogleError(error: unknown): string {
  const status = googleStatus(error);
  const data = (error as { response?: { data?: { error?: { message?: unknown } | string } } })?.response?.data;
  const message =
    typeof data?.error === 'object' && typeof data.error.message === 'string'
      ? data.error.message
      : typeof data?.error === 'string'
        ? data.error
        : String((error as Error)?.message ?? error);
  return `${status ? `Google answered ${status}: ` : ''}${message}`.slice(0, 480);
}
