import { plainToInstance, Transform } from 'class-transformer';
import { IsOptional, IsString, validateSync } from 'class-validator';
import { ConfigurationError } from '@app/config/environment';

export class InboundWebhooksEnvironment {
  /** `{"<integration>": "<secret of at least 32 characters>"}` */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsString()
  INBOUND_WEBHOOK_SECRETS?: string;
}

/** The integrations allowed to call POST /api/webhook, each with its own HMAC-SHA256 secret. */
export class InboundWebhooksConfig {
  readonly toleranceSeconds = 300;

  constructor(readonly secrets: ReadonlyMap<string, string>) {}

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): InboundWebhooksConfig {
    const parsed = plainToInstance(InboundWebhooksEnvironment, {
      INBOUND_WEBHOOK_SECRETS: env.INBOUND_WEBHOOK_SECRETS,
    });
    const errors = validateSync(parsed);
    if (errors.length > 0) throw new ConfigurationError(['INBOUND_WEBHOOK_SECRETS: must be a string']);
    const problems: string[] = [];
    const secrets = new Map<string, string>();
    const raw = parsed.INBOUND_WEBHOOK_SECRETS;
    if (raw) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push('INBOUND_WEBHOOK_SECRETS: must be a JSON object {"integration": "secret"}');
      } else {
        for (const [integration, secret] of Object.entries(value)) {
          if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(integration)) {
            problems.push(
              `INBOUND_WEBHOOK_SECRETS: "${integration}" must be lower-case letters, digits, - or _ (max 40)`,
            );
          } else if (typeof secret !== 'string' || secret.length < 32) {
            problems.push(`INBOUND_WEBHOOK_SECRETS: the secret of "${integration}" must have at least 32 characters`);
          } else {
            secrets.set(integration, secret);
          }
        }
      }
    }
    if (problems.length > 0) throw new ConfigurationError(problems);
    return new InboundWebhooksConfig(secrets);
  }
}
