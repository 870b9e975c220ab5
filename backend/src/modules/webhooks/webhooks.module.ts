import { AppConfig } from '@app/config/app-config';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboundWebhookDelivery } from './entities/inbound-webhook-delivery.entity';
import { InboundWebhookHandlers } from './inbound-webhook-handlers';
import { WebhooksController } from './webhooks.controller';
import { InboundWebhooksConfig } from './webhooks.config';
import { WebhooksService } from './webhooks.service';

/** POST /api/webhook. Global so that any module can register a handler for its integration. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([InboundWebhookDelivery])],
  controllers: [WebhooksController],
  providers: [
    { provide: InboundWebhooksConfig, inject: [AppConfig], useFactory: InboundWebhooksConfig.fromAppConfig },
    InboundWebhookHandlers,
    WebhooksService,
  ],
  exports: [InboundWebhookHandlers],
})
export class WebhooksModule {}
