import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { ConfigurationError } from '@app/config/environment';
import { BillingInterval, PaidPlanKey, PAID_PLAN_KEYS } from './plans';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;

/**
 * The billing variables, checked at boot like the rest of the environment. (Kept in this module
 * until they join config/environment.ts; the variable names are final.)
 */
export class StripeEnvironment {
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^(sk|rk)_(test|live)_\S+$/, {
    message: 'STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_...)',
  })
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^whsec_\S+$/, {
    message: 'STRIPE_WEBHOOK_SECRET must be the endpoint signing secret (whsec_...)',
  })
  STRIPE_WEBHOOK_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() STRIPE_API_HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) STRIPE_API_PORT?: number;
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['http', 'https']) STRIPE_API_PROTOCOL?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^price_\S+$/) STRIPE_PRICE_PARENT_PLUS_MONTH?: string;
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^price_\S+$/) STRIPE_PRICE_PARENT_PLUS_YEAR?: string;
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^price_\S+$/) STRIPE_PRICE_CHILDMINDER_PRO_MONTH?: string;
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^price_\S+$/) STRIPE_PRICE_CHILDMINDER_PRO_YEAR?: string;
}

export const STRIPE_ENVIRONMENT_VARIABLES = [
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_API_HOST',
  'STRIPE_API_PORT',
  'STRIPE_API_PROTOCOL',
  'STRIPE_PRICE_PARENT_PLUS_MONTH',
  'STRIPE_PRICE_PARENT_PLUS_YEAR',
  'STRIPE_PRICE_CHILDMINDER_PRO_MONTH',
  'STRIPE_PRICE_CHILDMINDER_PRO_YEAR',
] as const;

type PriceVariable = Extract<keyof StripeEnvironment, `STRIPE_PRICE_${string}`>;
const priceVariable = (plan: PaidPlanKey, interval: BillingInterval) =>
  `STRIPE_PRICE_${plan.toUpperCase()}_${interval === BillingInterval.Month ? 'MONTH' : 'YEAR'}` as PriceVariable;

export type PriceIds = Record<PaidPlanKey, Record<BillingInterval, string>>;

/**
 * Billing configuration. Without STRIPE_SECRET_KEY the product runs the payment simulator,
 * which signs its events with a secret generated at start-up.
 */
export class StripeConfig {
  readonly mode: 'stripe' | 'simulator';
  readonly secretKey: string | undefined;
  readonly webhookSecret: string;
  /** Seconds a signed webhook stays acceptable. */
  readonly webhookToleranceSeconds = 300;
  readonly api: { host?: string; port?: number; protocol?: 'http' | 'https' };
  readonly priceIds: PriceIds;

  constructor(env: StripeEnvironment) {
    const problems: string[] = [];
    this.secretKey = env.STRIPE_SECRET_KEY;
    this.mode = env.STRIPE_SECRET_KEY ? 'stripe' : 'simulator';
    if (this.mode === 'stripe' && !env.STRIPE_WEBHOOK_SECRET) {
      problems.push('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
    }
    this.webhookSecret = env.STRIPE_WEBHOOK_SECRET ?? `whsec_sim_${randomBytes(24).toString('hex')}`;
    this.api = {
      host: env.STRIPE_API_HOST,
      port: env.STRIPE_API_PORT,
      protocol: env.STRIPE_API_PROTOCOL as 'http' | 'https' | undefined,
    };
    const priceIds = {} as Record<PaidPlanKey, Record<BillingInterval, string>>;
    for (const plan of PAID_PLAN_KEYS) {
      priceIds[plan] = {} as Record<BillingInterval, string>;
      for (const interval of Object.values(BillingInterval)) {
        const name = priceVariable(plan, interval);
        const value = env[name];
        if (!value && this.mode === 'stripe') problems.push(`${name}: required when STRIPE_SECRET_KEY is set`);
        priceIds[plan][interval] = value ?? `price_sim_${plan}_${interval}`;
      }
    }
    this.priceIds = priceIds;
    if (problems.length > 0) throw new ConfigurationError(problems);
  }

  /** Reads and checks the billing variables; throws a ConfigurationError naming each bad one. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): StripeConfig {
    const known = Object.fromEntries(STRIPE_ENVIRONMENT_VARIABLES.map((key) => [key, env[key]]));
    const parsed = plainToInstance(StripeEnvironment, known);
    const errors = validateSync(parsed);
    if (errors.length > 0) {
      throw new ConfigurationError(
        errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
      );
    }
    return new StripeConfig(parsed);
  }
}
