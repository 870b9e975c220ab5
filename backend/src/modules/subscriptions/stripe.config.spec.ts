import { ConfigurationError } from '@app/config/environment';
import { StripeConfig } from './stripe.config';

describe(StripeConfig.name, () => {
  describe('fromEnvironment', () => {
    it('runs the simulator without a key, with a generated signing secret and placeholder prices', () => {
      const config = StripeConfig.fromEnvironment({});
      expect(config.mode).toBe('simulator');
      expect(config.webhookSecret).toMatch(/^whsec_sim_[0-9a-f]{48}$/);
      expect(config.priceIds.parent_plus.month).toBe('price_sim_parent_plus_month');
    });

    it('with a key, requires the webhook secret and every price, naming each missing variable', () => {
      const attempt = () => StripeConfig.fromEnvironment({ STRIPE_SECRET_KEY: 'sk_test_123' });
      expect(attempt).toThrow(ConfigurationError);
      const problems = (() => {
        try {
          attempt();
        } catch (error) {
          return (error as ConfigurationError).problems;
        }
        return [];
      })();
      expect(problems).toEqual([
        'STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_PARENT_PLUS_MONTH: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_PARENT_PLUS_YEAR: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_CHILDMINDER_PRO_MONTH: required when STRIPE_SECRET_KEY is set',
        'STRIPE_PRICE_CHILDMINDER_PRO_YEAR: required when STRIPE_SECRET_KEY is set',
      ]);
    });

    it('refuses a malformed value and names the variable', () => {
      expect(() => StripeConfig.fromEnvironment({ STRIPE_SECRET_KEY: 'pk_live_publishable' })).toThrow(
        /STRIPE_SECRET_KEY/,
      );
      expect(() => StripeConfig.fromEnvironment({ STRIPE_API_PORT: 'eighty' })).toThrow(/STRIPE_API_PORT/);
    });

    it('reads a complete Stripe configuration', () => {
      const config = StripeConfig.fromEnvironment({
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
