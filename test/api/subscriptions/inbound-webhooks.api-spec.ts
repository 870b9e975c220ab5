import { InboundWebhookDelivery } from '@app/modules/webhooks/entities/inbound-webhook-delivery.entity';
import { InboundWebhook, InboundWebhookHandlers } from '@app/modules/webhooks/inbound-webhook-handlers';
import { signInboundWebhook } from '@app/modules/webhooks/webhooks.service';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';
import { startAppWithEnv } from './support';

jest.setTimeout(60_000);

const SECRET = 'partner-secret-0123456789abcdef0123456789';

describe('POST /api/webhook: integrations deliver signed webhooks, each handled once', () => {
  let api: TestApp;
  const handled: InboundWebhook[] = [];
  beforeAll(async () => {
    api = await startAppWithEnv({
      INBOUND_WEBHOOK_SECRETS: JSON.stringify({ partner: SECRET, other: 'x'.repeat(40) }),
    });
    api.app.get(InboundWebhookHandlers).register('partner', async (delivery) => {
      handled.push(delivery);
      return 'processed';
    });
  });
  afterAll(() => api.close());

  function send(
    body: string,
    headers: { integration?: string; id?: string; signature?: string; secret?: string; timestamp?: number } = {},
  ) {
    const timestamp = headers.timestamp ?? Math.floor(Date.now() / 1000);
    const request = api
      .http()
      .post('/api/webhook')
      .set('content-type', 'application/json')
      .set('x-webhook-integration', headers.integration ?? 'partner')
      .set('x-webhook-id', headers.id ?? randomUUID())
      .set('x-webhook-timestamp', String(timestamp))
      .set('x-webhook-event', 'booking.synced')
      .set('x-webhook-signature', headers.signature ?? signInboundWebhook(headers.secret ?? SECRET, timestamp, body));
    return request.send(body);
  }

  it('a signed delivery is stored and handed to the integration’s handler; a repeat is not', async () => {
    const id = `delivery-${randomUUID()}`;
    const body = JSON.stringify({ booking: 'b-1', status: 'synced' });
    const first = await send(body, { id });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false, status: 'processed' });
    const again = await send(body, { id });
    expect(again.body).toEqual({ received: true, duplicate: true, status: 'processed' });
    expect(handled.filter((h) => h.deliveryId === id)).toEqual([
      {
        integration: 'partner',
        deliveryId: id,
        eventType: 'booking.synced',
        body: { booking: 'b-1', status: 'synced' },
      },
    ]);
    expect(await api.dataSource.getRepository(InboundWebhookDelivery).countBy({ deliveryId: id })).toBe(1);
  });

  it('a bad signature, another integration’s secret, a stale timestamp or an unknown integration get 401', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const refusals = [
      await send(body, { signature: 'sha256=' + '0'.repeat(64) }),
      await send(body, { secret: 'x'.repeat(40) }),
      await send(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      await send(body, { integration: 'nobody' }),
      await api.http().post('/api/webhook').send(body),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('WEBHOOK_UNVERIFIED');
    }
    const tampered = await api
      .http()
      .post('/api/webhook')
      .set('content-type', 'application/json')
      .set('x-webhook-integration', 'partner')
      .set('x-webhook-id', 'tampered-1')
      .set('x-webhook-timestamp', String(Math.floor(Date.now() / 1000)))
      .set('x-webhook-signature', signInboundWebhook(SECRET, Math.floor(Date.now() / 1000), body))
      .send(body.replace('world', 'w0rld'));
    expect(tampered.status).toBe(401);
    expect(await api.dataSource.getRepository(InboundWebhookDelivery).countBy({ deliveryId: 'tampered-1' })).toBe(0);
  });

  it('an integration without a handler yet is stored as unhandled', async () => {
    const id = `other-${randomUUID()}`;
    const response = await send('{"x":1}', { integration: 'other', secret: 'x'.repeat(40), id });
    expect(response.body).toEqual({ received: true, duplicate: false, status: 'unhandled' });
    expect(
      (await api.dataSource.getRepository(InboundWebhookDelivery).findOneByOrFail({ deliveryId: id })).payload,
    ).toBe('{"x":1}');
  });
});
