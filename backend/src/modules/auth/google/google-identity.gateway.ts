import { Injectable } from '@nestjs/common';
import { AppConfig, GoogleConfig } from '@app/config/app-config';
import { GoogleOAuthClient, googleOAuthClient } from '@app/common/google/google-oauth';
import { AuthErrorCode, AuthException } from '../auth.exception';

/** OpenID Connect scopes: who the person is, nothing more. */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'];

/** What a verified ID token says about the person. */
export interface GoogleClaims {
  sub: string;
  email: string;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
}

/** Google's answer could not be trusted (bad signature, audience, issuer, nonce or claims). */
export class UntrustedIdToken extends Error {}

/**
 * Sign in with Google through googleapis' OAuth2Client (the same client configuration as
 * Calendar sync, with the sign-in redirect URL): authorization code flow with PKCE (S256) and a
 * nonce, and the ID token verified against Google's certificates, audience and issuer.
 */
@Injectable()
export class GoogleIdentityGateway {
  /** One client, so that Google's signing certificates are cached between sign-ins. */
  private client: GoogleOAuthClient | undefined;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.google !== null;
  }

  private get google(): GoogleConfig {
    if (!this.config.google) {
      throw new AuthException(AuthErrorCode.GoogleNotConfigured, 'Sign in with Google is not set up on this server');
    }
    return this.config.google;
  }

  private oauth(): GoogleOAuthClient {
    this.client ??= googleOAuthClient(this.google, this.google.signInRedirectUrl);
    return this.client;
  }

  /** Google's sign-in screen, bound to `state` and `nonce`; the verifier stays with the browser's cookie. */
  async authorizationUrl(state: string, nonce: string): Promise<{ url: string; codeVerifier: string }> {
    const client = this.oauth();
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const options: Parameters<GoogleOAuthClient['generateAuthUrl']>[0] & { nonce: string } = {
      scope: SIGN_IN_SCOPES,
      state,
      nonce,
      prompt: 'select_account',
      code_challenge: codeChallenge,
      // CodeChallengeMethod.S256 (the enum is not exported through googleapis).
      code_challenge_method: 'S256' as never,
    };
    return { url: client.generateAuthUrl(options), codeVerifier };
  }

  /** Exchanges the code (with the PKCE verifier) and verifies the ID token; throws UntrustedIdToken when it does not hold. */
  async identify(code: string, codeVerifier: string, nonce: string): Promise<GoogleClaims> {
    const client = this.oauth();
    const { tokens } = await client.getToken({ code, codeVerifier });
    if (!tokens.id_token) throw new UntrustedIdToken('Google returned no ID token');
    let payload;
    try {
      payload = (await client.verifyIdToken({ idToken: tokens.id_token, audience: this.google.clientId })).getPayload();
    } catch (error) {
      throw new UntrustedIdToken(`The ID token did not verify: ${(error as Error).message}`);
    }
    if (!payload?.sub || !payload.email) throw new UntrustedIdToken('The ID token names no account');
    if (payload.nonce !== nonce) throw new UntrustedIdToken('The ID token belongs to another sign-in');
    return {
      sub: payload.sub,
      email: payload.email.trim().toLowerCase(),
      emailVerified: payload.email_verified === true,
      ...namesFrom(payload),
    };
  }
}

/**
 * First and last name for a new account from Google's claims: given/family name when present,
 * else the full name split at its last space, else the address's local part. Never empty, at
 * most 100 characters each.
 */
export function namesFrom(claims: { given_name?: string; family_name?: string; name?: string; email?: string }): {
  firstName: string;
  lastName: string;
} {
  const clip = (text: string) => text.trim().slice(0, 100);
  let first = clip(claims.given_name ?? '');
  let last = clip(claims.family_name ?? '');
  const full = (claims.name ?? '').trim().replace(/\s+/g, ' ');
  if (!first && !last && full) {
    const at = full.lastIndexOf(' ');
    first = clip(at > 0 ? full.slice(0, at) : full);
    last = clip(at > 0 ? full.slice(at + 1) : '');
  }
  if (!first) first = clip((claims.email ?? '').split('@')[0] ?? '') || 'Google';
  if (!last) last = '-';
  return { firstName: first, lastName: last };
}
