import { AppConfig } from '@app/config/app-config';

/** The integrations allowed to call POST /api/webhook, each with its own HMAC-SHA256 secret. */
export class InboundWebhooksConfig {
  readonly toleranceSeconds = 300;

  constructor(readonly secrets: ReadonlyMap<string, string>) {}

  /** From INBOUND_WEBHOOK_SECRETS, which AppConfig has checked at boot. */
  static fromAppConfig(config: AppConfig): InboundWebhooksConfig {
    return new InboundWebhooksConfig(config.inboundWebhookSecrets);
  }
}
