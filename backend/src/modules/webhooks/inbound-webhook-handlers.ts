import { Injectable } from '@nestjs/common';

export interface InboundWebhook {
  integration: string;
  deliveryId: string;
  eventType: string | null;
  /** The parsed JSON body (or the raw text if it is not JSON). */
  body: unknown;
}

/** What a handler made of a delivery: acted on it, or found it about nothing held here. */
export type InboundWebhookOutcome = 'processed' | 'ignored';

/** Throws when the delivery cannot be handled (it is stored as failed, with the error, for replay). */
export type InboundWebhookHandler = (delivery: InboundWebhook) => Promise<InboundWebhookOutcome>;

/**
 * Which module handles which integration's deliveries. A module registers its handler in
 * onModuleInit: `handlers.register('calendar', (delivery) => this.onCalendarPush(delivery))`.
 */
@Injectable()
export class InboundWebhookHandlers {
  private readonly handlers = new Map<string, InboundWebhookHandler>();

  register(integration: string, handler: InboundWebhookHandler): void {
    if (this.handlers.has(integration)) throw new Error(`A handler for ${integration} webhooks is already registered`);
    this.handlers.set(integration, handler);
  }

  /** For tests that replace a handler. */
  unregister(integration: string): void {
    this.handlers.delete(integration);
  }

  get(integration: string): InboundWebhookHandler | undefined {
    return this.handlers.get(integration);
  }
}
