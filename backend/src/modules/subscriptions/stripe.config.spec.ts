import { AppConfig } from '@app/config/app-config';
import { ConfigurationError } from '@app/config/environment';
import { StripeConfig } from './stripe.config';

const SECRETS = { JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: 'a'.repeat(64) };
const fromEnvironment = (env: Record<string, string>) =>
  StripeConfig.fromAppConfig(AppConfig.fromEnvironment({ ...SECRETS, ...env }));

const problemsOf = (attempt: () => unknown): string[] => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe(StripeConfig.name, () => {
  describe('fromAppConfig', () => {
    it('runs the simulator without a key, with a generated signing secret and placeholder prices', () => {
      const config = fromEnvironment({});
      expect(config.mode).toBe('simulator');
      expect(config.webhookSecret).toMatch(/^whsec_sim_[0-9a-f]{48}$/);
      expect(config.priceIds.parent_plus.month).toBe('price_sim_parent_plus_month');
    });

    it('with a key, the start-up check requires the webhook secret and every price, naming each missing variable', () => {
      expect(problemsOf(() => fromEnvironment({ STRIPE_SECRET_KEY: 'sk_test_123' }))).toEqual([
        'STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_PARENT_PLUS_MONTH: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_PARENT_PLUS_YEAR: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_CHILDMINDER_PRO_MONTH: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_CHILDMINDER_PRO_YEAR: required when STRIPE_SECRET_KEY is set',
      ]);
    });

    it('refuses a malformed value, naming the variable and never printing a secret', () => {
      const problems = problemsOf(() => fromEnvironment({ STRIPE_SECRET_KEY: 'pk_live_publishable_abc' }));
      expect(problems).toEqual([expect.stringMatching(/^STRIPE_SECRET_KEY: /)]);
      expect(problems.join()).not.toContain('pk_live_publishable_abc');
      expect(problemsOf(() => fromEnvironment({ STRIPE_API_PORT: 'eighty' }))).toEqual([
        expect.stringMatching(/^STRIPE_API_PORT: .*\(got "eighty"\)$/),
      ]);
    });

    it('reads a complete Stripe configuration', () => {
      const config = fromEnvironment({
        STRIPE_SECRET_KEY: 'sk_live_abc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc',
        STRIPE_PRICE_PARENT_PLUS_MONTH: 'price_a',
        STRIPE_PRICE_PARENT_PLUS_YEAR: 'price_b',
        STRIPE_PRICE_CHILDMINDER_PRO_MONTH: 'price_c',
        STRIPE_PRICE_CHILDMINDER_PRO_YEAR: 'price_d',
        STRIPE_API_HOST: '127.0.0.1',
        STRIPE_API_PORT: '12111',
        STRIPE_API_PROTOCOL: 'http',
      });
      expect(config).toMatchObject({
        mode: 'stripe',
        webhookSecret: 'whsec_abc',
        api: { host: '127.0.0.1', port: 12111, protocol: 'http' },
        priceIds: {
          parent_plus: { month: 'price_a', year: 'price_b' },
          childminder_pro: { month: 'price_c', year: 'price_d' },
        },
      });
    });
  });
});
