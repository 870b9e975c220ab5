import { Controller, HttpCode, HttpStatus, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@app/common/auth/decorators';
import { DeliveryStatus } from './entities/inbound-webhook-delivery.entity';
import { WEBHOOK_HEADERS, WebhooksService } from './webhooks.service';

export class InboundWebhookResponse {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'This delivery id was received before; nothing was done again' }) duplicate: boolean;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'InboundDeliveryStatus' }) status: DeliveryStatus;
}

@ApiTags('Webhooks')
@Controller('webhook')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Inbound webhooks from integrations, HMAC-SHA256 signed with the integration’s own secret',
    description:
      'Signature: `sha256=` + hex HMAC-SHA256(secret, `<timestamp>.<raw body>`); the timestamp (Unix seconds) ' +
      'must be within 300 s. A delivery id is processed once.',
  })
  @ApiHeader({ name: WEBHOOK_HEADERS.integration, required: true, description: 'The integration name' })
  @ApiHeader({
    name: WEBHOOK_HEADERS.deliveryId,
    required: true,
    description: 'Unique per delivery (deduplication key)',
  })
  @ApiHeader({ name: WEBHOOK_HEADERS.timestamp, required: true, description: 'Unix seconds when signed' })
  @ApiHeader({ name: WEBHOOK_HEADERS.signature, required: true, description: 'sha256=<hex>' })
  @ApiHeader({ name: WEBHOOK_HEADERS.eventType, required: false, description: 'The event type, if the sender has one' })
  @ApiOkResponse({ type: InboundWebhookResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown integration, bad signature or stale timestamp' })
  receive(@Req() request: RawBodyRequest<FastifyRequest>) {
    return this.webhooks.receive({ rawBody: request.rawBody ?? Buffer.alloc(0), headers: request.headers });
  }
}
