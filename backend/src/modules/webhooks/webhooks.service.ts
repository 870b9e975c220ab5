import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { DeliveryStatus, InboundWebhookDelivery } from './entities/inbound-webhook-delivery.entity';
import { InboundWebhookHandlers } from './inbound-webhook-handlers';
import { WebhookErrorCode, WebhookException } from './webhook.exception';
import { InboundWebhooksConfig } from './webhooks.config';
import { isUniqueViolation } from '@app/database/unique-violation';

export const MAX_INBOUND_PAYLOAD_BYTES = 60_000;
const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** The headers a sender sets (documented in OpenAPI and README). */
export const WEBHOOK_HEADERS = {
  integration: 'x-webhook-integration',
  deliveryId: 'x-webhook-id',
  timestamp: 'x-webhook-timestamp',
  signature: 'x-webhook-signature',
  eventType: 'x-webhook-event',
} as const;

export interface InboundRequest {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export type InboundOutcome = { received: true; duplicate: boolean; status: DeliveryStatus };

/** `sha256=` + hex HMAC-SHA256 over `${timestamp}.${raw body}` with the integration's secret. */
export function signInboundWebhook(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

const header = (headers: InboundRequest['headers'], name: string) => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * POST /api/webhook: general inbound webhooks. Verified with the integration's own secret,
 * stored once per (integration, delivery id), then dispatched to the registered handler.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly config: InboundWebhooksConfig,
    private readonly handlers: InboundWebhookHandlers,
    @InjectRepository(InboundWebhookDelivery) private readonly deliveries: Repository<InboundWebhookDelivery>,
  ) {}

  async receive(request: InboundRequest): Promise<InboundOutcome> {
    const integration = this.verify(request);
    const deliveryId = header(request.headers, WEBHOOK_HEADERS.deliveryId);
    if (!deliveryId || !DELIVERY_ID.test(deliveryId)) {
      throw new WebhookException(
        WebhookErrorCode.BadDeliveryId,
        `${WEBHOOK_HEADERS.deliveryId} must be 1-200 characters of A-Z a-z 0-9 . _ : -`,
      );
    }
    if (request.rawBody.length > MAX_INBOUND_PAYLOAD_BYTES) {
      throw new WebhookException(
        WebhookErrorCode.TooLarge,
        `A webhook body may have at most ${MAX_INBOUND_PAYLOAD_BYTES} bytes`,
      );
    }
    const existing = await this.deliveries.findOne({ where: { integration, deliveryId } });
    if (existing) return { received: true, duplicate: true, status: existing.status };
    const text = request.rawBody.toString('utf8');
    const delivery = Object.assign(new InboundWebhookDelivery(), {
      integration,
      deliveryId,
      eventType: header(request.headers, WEBHOOK_HEADERS.eventType)?.slice(0, 100) ?? null,
      payload: text,
      status: DeliveryStatus.Unhandled,
      error: null,
      processedAt: null,
    });
    try {
      await this.deliveries.insert(delivery);
    } catch (error) {
      if (isUniqueViolation(error)) return { received: true, duplicate: true, status: DeliveryStatus.Unhandled };
      throw error;
    }
    const status = await this.dispatch(delivery, text);
    return { received: true, duplicate: false, status };
  }

  /** The integration whose secret signed this request; 401 for anything else. */
  private verify(request: InboundRequest): string {
    const refuse = () =>
      new WebhookException(
        WebhookErrorCode.Unverified,
        'The webhook could not be verified: unknown integration or bad signature',
      );
    const integration = header(request.headers, WEBHOOK_HEADERS.integration) ?? '';
    const secret = this.config.secrets.get(integration);
    const timestamp = Number(header(request.headers, WEBHOOK_HEADERS.timestamp));
    const signature = header(request.headers, WEBHOOK_HEADERS.signature) ?? '';
    if (!secret || !Number.isInteger(timestamp)) throw refuse();
    if (Math.abs(Date.now() / 1000 - timestamp) > this.config.toleranceSeconds) throw refuse();
    const expected = Buffer.from(signInboundWebhook(secret, timestamp, request.rawBody));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refuse();
    return integration;
  }

  private async dispatch(delivery: InboundWebhookDelivery, text: string): Promise<DeliveryStatus> {
    const handler = this.handlers.get(delivery.integration);
    if (!handler) return DeliveryStatus.Unhandled;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* handlers receive the text */
    }
    try {
      const outcome = await handler({
        integration: delivery.integration,
        deliveryId: delivery.deliveryId,
        eventType: delivery.eventType,
        body,
      });
      const status = outcome === 'ignored' ? DeliveryStatus.Ignored : DeliveryStatus.Processed;
      await this.deliveries.update(delivery.id, { status, processedAt: new Date() });
      return status;
    } catch (error) {
      // Stored and answered 2xx: the sender must not retry what we hold; an operator can replay it.
      this.logger.error(
        { err: error, integration: delivery.integration, deliveryId: delivery.deliveryId },
        'A webhook handler failed',
      );
      await this.deliveries.update(delivery.id, {
        status: DeliveryStatus.Failed,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
      });
      return DeliveryStatus.Failed;
    }
  }
}
