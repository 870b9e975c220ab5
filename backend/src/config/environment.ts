import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value; // left as a string so that @IsBoolean names the variable
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const PRICE_ID = /^price_\S+$/;
const PRICE_MESSAGE = '$property must be a Stripe price id (price_...)';

/**
 * Variables whose value is a secret or may hold one (a password in a URL): a configuration error
 * names them and the rule they break, never what they hold, so that no secret reaches a log.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'CRON_SECRET',
  'GRAPH_CLIENT_SECRET',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'INBOUND_WEBHOOK_SECRETS',
]);

/**
 * Every environment variable the product reads, with its rule. `.env.example` lists the same
 * variables with their defaults; a test keeps the two in step.
 */
export class Environment {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() @Transform(emptyToUndefined) DATA_DIR?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^((mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?|sqlite:.+)$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database (or sqlite:path/to/file.sqlite)',
  })
  DATABASE_URL?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() DB_MIGRATE_ON_START?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() DEMO_DATA?: boolean;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(off|https:\/\/\S*\{z\}\S*\{x\}\S*\{y\}\S*)$/, {
    message: 'MAP_TILE_URL must be an https URL template with {z}, {x} and {y} (or off)',
  })
  MAP_TILE_URL?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) MAP_TILE_ATTRIBUTION?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) @MinLength(32) JWT_SECRET?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Fa-f0-9]{64}$/, { message: 'ENCRYPTION_KEY must be 64 hex characters (32 bytes)' })
  ENCRYPTION_KEY?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(3600) ACCESS_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) REFRESH_TOKEN_TTL_DAYS?: number;
  @IsOptional() @Transform(toBoolean) @IsBoolean() COOKIE_SECURE?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() TRUST_PROXY?: boolean;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() JOBS_ENABLED?: boolean;
  @IsOptional() @IsString() @Transform(emptyToUndefined) @MinLength(32) CRON_SECRET?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() SERVE_WEB?: boolean;
  @IsOptional() @IsString() @Transform(emptyToUndefined) @MinLength(32) METRICS_TOKEN?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[0-9A-Fa-f.:]+(\s*,\s*[0-9A-Fa-f.:]+)*$/, {
    message: 'METRICS_ALLOW_FROM must be a comma-separated list of IP addresses',
  })
  METRICS_ALLOW_FROM?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) BACKUP_DIR?: string;

  @IsOptional() @IsIn(['outbox', 'graph']) MAIL_TRANSPORT?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) MAIL_FROM_NAME?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) GRAPH_TENANT_ID?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) GRAPH_CLIENT_ID?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) GRAPH_CLIENT_SECRET?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsEmail() GRAPH_SENDER?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  GRAPH_BASE_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  GRAPH_AUTHORITY_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50) MAIL_MAX_ATTEMPTS?: number;

  // Billing: without STRIPE_SECRET_KEY the product runs the payment simulator (outside production).
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(sk|rk)_(test|live)_\S+$/, {
    message: 'STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_...)',
  })
  STRIPE_SECRET_KEY?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^whsec_\S+$/, { message: 'STRIPE_WEBHOOK_SECRET must be the endpoint signing secret (whsec_...)' })
  STRIPE_WEBHOOK_SECRET?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(PRICE_ID, { message: PRICE_MESSAGE })
  STRIPE_PRICE_PARENT_PLUS_MONTH?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(PRICE_ID, { message: PRICE_MESSAGE })
  STRIPE_PRICE_PARENT_PLUS_YEAR?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(PRICE_ID, { message: PRICE_MESSAGE })
  STRIPE_PRICE_CHILDMINDER_PRO_MONTH?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(PRICE_ID, { message: PRICE_MESSAGE })
  STRIPE_PRICE_CHILDMINDER_PRO_YEAR?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) STRIPE_API_HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) STRIPE_API_PORT?: number;
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['http', 'https']) STRIPE_API_PROTOCOL?: string;
  /** `{"<integration>": "<secret of at least 32 characters>"}`: checked in full by AppConfig. */
  @IsOptional() @IsString() @Transform(emptyToUndefined) INBOUND_WEBHOOK_SECRETS?: string;

  // Google (Calendar sync and Sign in with Google): AppConfig.google requires the pair.
  @IsOptional() @IsString() @Transform(emptyToUndefined) GOOGLE_CLIENT_ID?: string;
  @IsOptional() @IsString() @Transform(emptyToUndefined) GOOGLE_CLIENT_SECRET?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  GOOGLE_REDIRECT_BASE_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  GOOGLE_OAUTH_BASE_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  GOOGLE_API_BASE_URL?: string;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses and validates the environment; throws a ConfigurationError naming each bad variable. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  const known = Object.fromEntries(Object.keys(new EnvironmentKeys()).map((key) => [key, env[key]]));
  const parsed = plainToInstance(Environment, known);
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => {
        const messages = Object.values(error.constraints ?? {});
        const shown = SECRET_VARIABLES.has(error.property)
          ? '(its value is not shown: it may hold a secret)'
          : `(got ${JSON.stringify(env[error.property])})`;
        return `${error.property}: ${messages.join('; ')} ${shown}`;
      }),
    );
  }
  return parsed;
}

/** The list of variable names, kept in one place so `.env.example` can be checked against it. */
class EnvironmentKeys implements Record<keyof Environment, undefined> {
  NODE_ENV = undefined;
  HOST = undefined;
  PORT = undefined;
  DATA_DIR = undefined;
  DATABASE_URL = undefined;
  DB_MIGRATE_ON_START = undefined;
  DEMO_DATA = undefined;
  REDIS_URL = undefined;
  PUBLIC_URL = undefined;
  MAP_TILE_URL = undefined;
  MAP_TILE_ATTRIBUTION = undefined;
  JWT_SECRET = undefined;
  ENCRYPTION_KEY = undefined;
  ACCESS_TOKEN_TTL_SECONDS = undefined;
  REFRESH_TOKEN_TTL_DAYS = undefined;
  COOKIE_SECURE = undefined;
  TRUST_PROXY = undefined;
  LOG_LEVEL = undefined;
  JOBS_ENABLED = undefined;
  CRON_SECRET = undefined;
  SERVE_WEB = undefined;
  METRICS_TOKEN = undefined;
  METRICS_ALLOW_FROM = undefined;
  BACKUP_DIR = undefined;
  MAIL_TRANSPORT = undefined;
  MAIL_FROM_NAME = undefined;
  GRAPH_TENANT_ID = undefined;
  GRAPH_CLIENT_ID = undefined;
  GRAPH_CLIENT_SECRET = undefined;
  GRAPH_SENDER = undefined;
  GRAPH_BASE_URL = undefined;
  GRAPH_AUTHORITY_URL = undefined;
  MAIL_MAX_ATTEMPTS = undefined;
  STRIPE_SECRET_KEY = undefined;
  STRIPE_WEBHOOK_SECRET = undefined;
  STRIPE_PRICE_PARENT_PLUS_MONTH = undefined;
  STRIPE_PRICE_PARENT_PLUS_YEAR = undefined;
  STRIPE_PRICE_CHILDMINDER_PRO_MONTH = undefined;
  STRIPE_PRICE_CHILDMINDER_PRO_YEAR = undefined;
  STRIPE_API_HOST = undefined;
  STRIPE_API_PORT = undefined;
  STRIPE_API_PROTOCOL = undefined;
  INBOUND_WEBHOOK_SECRETS = undefined;
  GOOGLE_CLIENT_ID = undefined;
  GOOGLE_CLIENT_SECRET = undefined;
  GOOGLE_REDIRECT_BASE_URL = undefined;
  GOOGLE_OAUTH_BASE_URL = undefined;
  GOOGLE_API_BASE_URL = undefined;
}

export const ENVIRONMENT_VARIABLES = Object.keys(new EnvironmentKeys());
