import { resolve } from 'node:path';
import { ConfigurationError, Environment, parseEnvironment } from './environment';
import { loadOrCreateSecrets } from './secrets';

export type DatabaseConfig =
  { type: 'sqlite'; path: string } | { type: 'mysql'; url: string; flavour: 'mysql' | 'mariadb' };

export type MailConfig =
  | { transport: 'outbox'; fromName: string; maxAttempts: number }
  | {
      transport: 'graph';
      fromName: string;
      maxAttempts: number;
      tenantId: string;
      clientId: string;
      clientSecret: string;
      sender: string;
      baseUrl: string;
      authorityUrl: string;
    };

/** The Stripe price variables, one per paid plan and interval. */
export const STRIPE_PRICE_VARIABLES = [
  'STRIPE_PRICE_PARENT_PLUS_MONTH',
  'STRIPE_PRICE_PARENT_PLUS_YEAR',
  'STRIPE_PRICE_CHILDMINDER_PRO_MONTH',
  'STRIPE_PRICE_CHILDMINDER_PRO_YEAR',
] as const;
export type StripePriceVariable = (typeof STRIPE_PRICE_VARIABLES)[number];

/** Billing as configured; the subscriptions module's StripeConfig turns it into its working form. */
export interface BillingSettings {
  /** Undefined: no Stripe account is configured. */
  secretKey: string | undefined;
  webhookSecret: string | undefined;
  api: { host?: string; port?: number; protocol?: 'http' | 'https' };
  prices: Readonly<Record<StripePriceVariable, string | undefined>>;
}

/**
 * `mysql://…` or `mariadb://…`: a server; `sqlite:<file>`: that SQLite file; nothing: the embedded
 * SQLite file in the data directory.
 */
function databaseConfig(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: resolve(dataDir, 'childminder-connect.sqlite') };
  if (url.startsWith('sqlite:')) return { type: 'sqlite', path: resolve(url.slice('sqlite:'.length)) };
  return {
    type: 'mysql',
    url: url.replace(/^mariadb:/, 'mysql:'),
    // TypeORM reads a few column defaults differently on MariaDB; the scheme says which.
    flavour: url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
  };
}

/**
 * Google OAuth client (Calendar sync and Sign in with Google). Null: both features say
 * "not configured". The redirect URLs must be registered on the client in Google Cloud.
 */
export interface GoogleConfig {
  clientId: string;
  clientSecret: string;
  /** Where Google sends the user back after granting calendar access. */
  calendarRedirectUrl: string;
  /** Where Google sends the user back after signing in. */
  signInRedirectUrl: string;
  /** Consent screen, token, revoke and certificate endpoints (a test server in tests only). */
  oauth: {
    authUrl: string;
    tokenUrl: string;
    revokeUrl: string;
    certsUrl: string;
    jwksUrl: string;
    issuers: string[];
  };
  /** Root of the Calendar API (googleapis' rootUrl), with a trailing slash. */
  apiRootUrl: string;
}

/**
 * The product's one typed configuration, built once from the environment at boot.
 * Services inject it and read fields; nothing else reads process.env.
 */
export class AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly migrateOnStart: boolean;
  readonly demoData: boolean;
  readonly redisUrl: string | undefined;
  readonly logLevel: string;
  readonly jobsEnabled: boolean;
  /**
   * Lets an outside scheduler call `/api/cron` with `Authorization: Bearer <CRON_SECRET>`;
   * null: only signed-in admins may.
   */
  readonly cronSecret: string | null;
  readonly serveWeb: boolean;
  /** Who may read `/metrics`: callers from these addresses, or with `Authorization: Bearer <token>`. */
  readonly metrics: { token: string | null; allowFrom: readonly string[] };
  /** Where backup archives are written (BACKUP_DIR, by default `${DATA_DIR}/backups`). */
  readonly backupDir: string;
  readonly trustProxy: boolean;
  /** The search page's map: a raster tile template (null: markers on a plain background). */
  readonly map: { tileUrl: string | null; attribution: string; tileOrigin: string | null };
  readonly auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    cookieSecure: boolean;
  };
  readonly encryptionKey: Buffer;
  readonly mail: MailConfig;
  readonly billing: BillingSettings;
  /** The integrations allowed to call POST /api/webhook, each with its HMAC-SHA256 secret. */
  readonly inboundWebhookSecrets: ReadonlyMap<string, string>;
  readonly google: GoogleConfig | null;

  constructor(env: Environment) {
    this.nodeEnv = (env.NODE_ENV as AppConfig['nodeEnv']) ?? 'development';
    this.host = env.HOST ?? '127.0.0.1';
    this.port = env.PORT ?? 3000;
    this.dataDir = resolve(env.DATA_DIR ?? './data');
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${this.port}`).replace(/\/+$/, '');
    this.database = databaseConfig(env.DATABASE_URL, this.dataDir);
    this.migrateOnStart = env.DB_MIGRATE_ON_START ?? true;
    // Production is never a demo, whatever the database: DEMO_DATA=true is refused below.
    this.demoData = this.nodeEnv !== 'production' && (env.DEMO_DATA ?? this.database.type === 'sqlite');
    this.redisUrl = env.REDIS_URL;
    this.logLevel = env.LOG_LEVEL ?? (this.nodeEnv === 'test' ? 'warn' : 'info');
    this.jobsEnabled = env.JOBS_ENABLED ?? true;
    this.cronSecret = env.CRON_SECRET ?? null;
    this.serveWeb = env.SERVE_WEB ?? true;
    this.metrics = {
      token: env.METRICS_TOKEN ?? null,
      allowFrom: (env.METRICS_ALLOW_FROM ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
    };
    this.backupDir = resolve(env.BACKUP_DIR ?? resolve(this.dataDir, 'backups'));
    this.trustProxy = env.TRUST_PROXY ?? false;
    const tileUrl =
      env.MAP_TILE_URL === 'off' ? null : (env.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    this.map = {
      tileUrl,
      attribution: env.MAP_TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
      // For the Content-Security-Policy: `{s}` subdomains become a wildcard.
      tileOrigin: tileUrl ? new URL(tileUrl.replace(/\{s\}/g, 'a')).origin.replace('://a.', '://*.') : null,
    };

    const problems: string[] = [];
    if (this.nodeEnv === 'production') {
      // Several production instances must share these; a per-instance generated value would
      // silently log users out whenever the load balancer switches instance.
      if (!env.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production');
      if (!env.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY: required when NODE_ENV=production');
      if (env.DEMO_DATA) {
        problems.push(
          'DEMO_DATA: must not be true when NODE_ENV=production (demo data adds accounts whose passwords are public)',
        );
      }
    }
    const generated = env.JWT_SECRET && env.ENCRYPTION_KEY ? undefined : loadOrCreateSecrets(this.dataDir);
    this.auth = {
      jwtSecret: env.JWT_SECRET ?? generated!.jwtSecret,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS ?? 900,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS ?? 30,
      cookieSecure: env.COOKIE_SECURE ?? true,
    };
    this.encryptionKey = Buffer.from(env.ENCRYPTION_KEY ?? generated!.encryptionKey, 'hex');

    const fromName = env.MAIL_FROM_NAME ?? 'Childminder Connect';
    const maxAttempts = env.MAIL_MAX_ATTEMPTS ?? 8;
    if ((env.MAIL_TRANSPORT ?? 'outbox') === 'graph') {
      const required = {
        GRAPH_TENANT_ID: env.GRAPH_TENANT_ID,
        GRAPH_CLIENT_ID: env.GRAPH_CLIENT_ID,
        GRAPH_CLIENT_SECRET: env.GRAPH_CLIENT_SECRET,
        GRAPH_SENDER: env.GRAPH_SENDER,
      };
      for (const [name, value] of Object.entries(required)) {
        if (!value) problems.push(`${name}: required when MAIL_TRANSPORT=graph`);
      }
      this.mail = {
        transport: 'graph',
        fromName,
        maxAttempts,
        tenantId: env.GRAPH_TENANT_ID ?? '',
        clientId: env.GRAPH_CLIENT_ID ?? '',
        clientSecret: env.GRAPH_CLIENT_SECRET ?? '',
        sender: env.GRAPH_SENDER ?? '',
        baseUrl: (env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
        authorityUrl: (env.GRAPH_AUTHORITY_URL ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
      };
    } else {
      this.mail = { transport: 'outbox', fromName, maxAttempts };
    }
    this.billing = {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      api: {
        host: env.STRIPE_API_HOST,
        port: env.STRIPE_API_PORT,
        protocol: env.STRIPE_API_PROTOCOL as 'http' | 'https' | undefined,
      },
      prices: Object.fromEntries(STRIPE_PRICE_VARIABLES.map((name) => [name, env[name]])) as BillingSettings['prices'],
    };
    if (env.STRIPE_SECRET_KEY) {
      for (const name of ['STRIPE_WEBHOOK_SECRET', ...STRIPE_PRICE_VARIABLES] as const) {
        if (!env[name]) problems.push(`${name}: required when STRIPE_SECRET_KEY is set`);
      }
    }
    this.inboundWebhookSecrets = parseInboundWebhookSecrets(env.INBOUND_WEBHOOK_SECRETS, problems);
    this.google = googleConfig(env, this.publicUrl, this.nodeEnv === 'production', problems);
    if (problems.length > 0) throw new ConfigurationError(problems);
  }

  /** Production is never a demo: no demo data, no payment simulator, no test-only routes. */
  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get isEmbedded(): boolean {
    return this.database.type === 'sqlite';
  }

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
    return new AppConfig(parseEnvironment(env));
  }
}

/** `INBOUND_WEBHOOK_SECRETS`: `{"integration": "secret"}`; problems name the integration, never a secret. */
function parseInboundWebhookSecrets(raw: string | undefined, problems: string[]): ReadonlyMap<string, string> {
  const secrets = new Map<string, string>();
  if (!raw) return secrets;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push('INBOUND_WEBHOOK_SECRETS: must be a JSON object {"integration": "secret"}');
    return secrets;
  }
  for (const [integration, secret] of Object.entries(value)) {
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(integration)) {
      problems.push(
        'INBOUND_WEBHOOK_SECRETS: each integration name must be lower-case letters, digits, - or _ (max 40)',
      );
    } else if (typeof secret !== 'string' || secret.length < 32) {
      problems.push(`INBOUND_WEBHOOK_SECRETS: the secret of "${integration}" must have at least 32 characters`);
    } else {
      secrets.set(integration, secret);
    }
  }
  return secrets;
}

function googleConfig(
  env: Environment,
  publicUrl: string,
  production: boolean,
  problems: string[],
): GoogleConfig | null {
  if (production) {
    // A test server over plain HTTP is for tests: production talks to Google itself.
    for (const name of ['GOOGLE_OAUTH_BASE_URL', 'GOOGLE_API_BASE_URL'] as const) {
      if (env[name]?.startsWith('http:')) problems.push(`${name}: must be https when NODE_ENV=production`);
    }
  }
  if (!env.GOOGLE_CLIENT_ID && !env.GOOGLE_CLIENT_SECRET) return null;
  if (!env.GOOGLE_CLIENT_ID) problems.push('GOOGLE_CLIENT_ID: required with GOOGLE_CLIENT_SECRET');
  if (!env.GOOGLE_CLIENT_SECRET) problems.push('GOOGLE_CLIENT_SECRET: required with GOOGLE_CLIENT_ID');
  const redirectBase = (env.GOOGLE_REDIRECT_BASE_URL ?? publicUrl).replace(/\/+$/, '');
  const oauthBase = env.GOOGLE_OAUTH_BASE_URL?.replace(/\/+$/, '');
  return {
    clientId: env.GOOGLE_CLIENT_ID ?? '',
    clientSecret: env.GOOGLE_CLIENT_SECRET ?? '',
    calendarRedirectUrl: `${redirectBase}/api/calendar-sync/callback`,
    signInRedirectUrl: `${redirectBase}/api/auth/google/callback`,
    oauth: oauthBase
      ? {
          authUrl: `${oauthBase}/o/oauth2/v2/auth`,
          tokenUrl: `${oauthBase}/token`,
          revokeUrl: `${oauthBase}/revoke`,
          certsUrl: `${oauthBase}/oauth2/v1/certs`,
          jwksUrl: `${oauthBase}/oauth2/v3/certs`,
          issuers: [oauthBase],
        }
      : {
          authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
          tokenUrl: 'https://oauth2.googleapis.com/token',
          revokeUrl: 'https://oauth2.googleapis.com/revoke',
          certsUrl: 'https://www.googleapis.com/oauth2/v1/certs',
          jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
          issuers: ['accounts.google.com', 'https://accounts.google.com'],
        },
    apiRootUrl: `${(env.GOOGLE_API_BASE_URL ?? 'https://www.googleapis.com').replace(/\/+$/, '')}/`,
  };
}
