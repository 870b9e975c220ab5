import { GraphFake } from '@test/fakes/graph-fake';
import { ClientCredentialsTokenProvider, TokenRequestError } from './client-credentials-token.provider';
import type { GraphMailConfig } from './graph-mail-config';

describe(ClientCredentialsTokenProvider.name, () => {
  let identity: GraphFake;
  beforeAll(async () => {
    identity = await GraphFake.start({ tokenLifetimeSeconds: 3600 });
  });
  afterAll(() => identity.close());
  afterEach(() => identity.up());

  const configFor = (overrides: Partial<GraphMailConfig> = {}): GraphMailConfig => ({
    transport: 'graph',
    fromName: 'Childminder Connect',
    maxAttempts: 8,
    tenantId: identity.tenantId,
    clientId: identity.clientId,
    clientSecret: identity.clientSecret,
    sender: identity.mailbox,
    baseUrl: identity.graphBaseUrl,
    authorityUrl: identity.url,
    ...overrides,
  });

  describe('getAccessToken', () => {
    it('asks for a token once and reuses it until shortly before it expires', async () => {
      let now = 1_000_000;
      const provider = new ClientCredentialsTokenProvider(configFor(), () => now);
      const issuedBefore = identity.tokensIssued.length;

      const [a, b] = await Promise.all([provider.getAccessToken(), provider.getAccessToken()]);
      expect(a).toBe(b);
      now += 50 * 60_000;
      expect(await provider.getAccessToken()).toBe(a);
      expect(identity.tokensIssued.length - issuedBefore).toBe(1);

      now += 6 * 60_000; // within five minutes of expiry
      const renewed = await provider.getAccessToken();
      expect(renewed).not.toBe(a);
      expect(identity.tokensIssued.slice(-1)).toEqual([renewed]);
    });

    it('asks again after the token was invalidated', async () => {
      const provider = new ClientCredentialsTokenProvider(configFor());
      const first = await provider.getAccessToken();
      provider.invalidate();
      expect(await provider.getAccessToken()).not.toBe(first);
    });

    it('says why a token was refused, without the secret', async () => {
      const provider = new ClientCredentialsTokenProvider(configFor({ clientSecret: 'not-the-secret' }));
      const failure = provider.getAccessToken();
      await expect(failure).rejects.toBeInstanceOf(TokenRequestError);
      await expect(failure).rejects.toThrow(
        /refused a token \(401\): invalid_client: AADSTS7000215: Invalid client secret provided\.$/,
      );
      await expect(failure).rejects.not.toThrow(/not-the-secret/);
    });

    it('says when the identity platform cannot be reached', async () => {
      identity.down('drop');
      const provider = new ClientCredentialsTokenProvider(configFor());
      await expect(provider.getAccessToken()).rejects.toThrow(
        /^Could not reach the Microsoft identity platform: fetch failed/,
      );
    });
  });
});
