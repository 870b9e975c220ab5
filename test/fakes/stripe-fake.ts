import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse } from 'qs';
import Stripe from 'stripe';

export interface FakePrice {
  /** Pence per interval. */
  amount: number;
  interval: 'month' | 'year';
}

type Json = Record<string, unknown>;
type Form = Record<string, unknown>;

const DAY = 24 * 3600;
const now = () => Math.floor(Date.now() / 1000);
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const addInterval = (from: number, interval: 'month' | 'year') => {
  const date = new Date(from * 1000);
  if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
};

/** A request as the fake received it, for assertions ("checkout was created with a trial"). */
export interface ReceivedRequest {
  method: string;
  path: string;
  form: Form;
  idempotencyKey: string | undefined;
}

/**
 * A stand-in for the Stripe API, for tests only: a real HTTP server speaking Stripe's REST
 * protocol (form-encoded bodies, Bearer secret key, JSON answers and Stripe's error shape), so
 * the real `stripe` SDK talks to it unchanged (STRIPE_API_HOST/PORT/PROTOCOL point here).
 *
 * It holds customers, prices, checkout sessions, subscriptions, invoices (with preview) and
 * refunds. What Stripe does on its own (a customer paying on the Checkout page, a renewal
 * failing) the test triggers with `completeCheckout`, `failRenewal`; `event()` wraps an object
 * in an Event and `sign()` produces the Stripe-Signature header with the SDK's own test helper.
 */
export class StripeFake {
  readonly secretKey = `sk_test_fake_${randomBytes(8).toString('hex')}`;
  readonly webhookSecret = `whsec_fake_${randomBytes(16).toString('hex')}`;
  readonly requests: ReceivedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly sessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  readonly invoices = new Map<string, Json>();
  readonly refunds = new Map<string, Json>();
  /** Charges by payment intent id. */
  readonly charges = new Map<string, Json>();
  /**
   * Requests matching this answer 500 `api_error` (Stripe having trouble) until it is cleared;
   * they are still recorded in `requests`.
   */
  failing: { method: string; path: RegExp } | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private eventClock = 0;

  private constructor(readonly prices: Record<string, FakePrice>) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, stripeError('api_error', String(error)));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(prices: Record<string, FakePrice>): Promise<StripeFake> {
    const fake = new StripeFake(prices);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The variables that point the product's SDK here. */
  env(): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: this.secretKey,
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(this.port),
      STRIPE_API_PROTOCOL: 'http',
    };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- what happens on Stripe's side, triggered by the test ----

  /** The customer pays on the Checkout page: the subscription, its first invoice and payment exist. */
  completeCheckout(sessionId: string, options: { paymentMethod?: boolean } = {}) {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No checkout session ${sessionId}`);
    const lineItems = session.line_items as { price: string }[];
    const data = (session.subscription_data ?? {}) as { trial_period_days?: string; metadata?: Json };
    const trialDays = Number(data.trial_period_days ?? 0);
    const subscription = this.createSubscription({
      customer: session.customer as string,
      price: lineItems[0]!.price,
      trialDays,
      metadata: (data.metadata ?? {}) as Json,
      paymentMethod: options.paymentMethod ?? true,
    });
    Object.assign(session, {
      status: 'complete',
      payment_status: trialDays ? 'no_payment_required' : 'paid',
      subscription: subscription.id,
    });
    const invoice = this.createInvoice(subscription, trialDays ? 0 : this.priceOf(subscription).amount, true);
    return { session, subscription, invoice };
  }

  /** A renewal charge that the bank declined. */
  failRenewal(subscriptionId: string) {
    const subscription = this.subscriptions.get(subscriptionId)!;
    subscription.status = 'past_due';
    return this.createInvoice(subscription, this.priceOf(subscription).amount, false);
  }

  /** Wraps an object in an Event, `created` strictly increasing unless given. */
  event(type: string, object: Json, created?: number): Json {
    this.eventClock = Math.max(now(), this.eventClock + 1);
    return {
      id: id('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: created ?? this.eventClock,
      livemode: false,
      pending_webhooks: 1,
      type,
      data: { object: structuredClone(object) },
    };
  }

  /** The raw body and Stripe-Signature header Stripe would send, signed with the SDK's helper. */
  sign(event: Json, options: { timestamp?: number; secret?: string } = {}): { payload: string; signature: string } {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.webhookSecret,
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    });
    return { payload, signature };
  }

  // ---- the REST API ----

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const raw = await readBody(request);
    const form = parse(request.method === 'GET' || request.method === 'DELETE' ? url.search.slice(1) : raw, {
      depth: 10,
      arrayLimit: 100,
    }) as Form;
    const path = url.pathname;
    this.requests.push({
      method: request.method ?? '',
      path,
      form,
      idempotencyKey: request.headers['idempotency-key'] as string | undefined,
    });
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return send(response, 401, stripeError('invalid_request_error', 'Invalid API Key provided'));
    }
    if (this.failing && request.method === this.failing.method && this.failing.path.test(path)) {
      return send(response, 500, stripeError('api_error', 'Stripe is having trouble (the test said so)'));
    }
    const route = `${request.method} ${path}`;
    let match: RegExpExecArray | null;
    if (route === 'POST /v1/customers') return send(response, 200, this.createCustomer(form));
    if (route === 'POST /v1/checkout/sessions') return send(response, 200, this.createSession(form));
    if (route === 'GET /v1/subscriptions') {
      const data = [...this.subscriptions.values()].filter((s) => s.customer === form.customer);
      return send(response, 200, { object: 'list', data, has_more: false, url: '/v1/subscriptions' });
    }
    if ((match = /^(GET|POST|DELETE) \/v1\/subscriptions\/([^/]+)$/.exec(route))) {
      const subscription = this.subscriptions.get(match[2]!);
      if (!subscription)
        return send(
          response,
          404,
          stripeError('invalid_request_error', `No such subscription: '${match[2]}'`, 'resource_missing'),
        );
      if (match[1] === 'POST') this.updateSubscription(subscription, form);
      if (match[1] === 'DELETE')
        Object.assign(subscription, { status: 'canceled', canceled_at: now(), ended_at: now() });
      return send(response, 200, subscription);
    }
    if (route === 'POST /v1/invoices/create_preview') return send(response, 200, this.preview(form));
    if ((match = /^GET \/v1\/invoices\/([^/]+)$/.exec(route))) {
      const invoice = this.invoices.get(match[1]!);
      return invoice
        ? send(response, 200, invoice)
        : send(response, 404, stripeError('invalid_request_error', 'No such invoice', 'resource_missing'));
    }
    if (route === 'POST /v1/refunds') {
      const refund = this.refund(form);
      return refund.error ? send(response, 400, refund.error) : send(response, 200, refund.refund);
    }
    send(response, 404, stripeError('invalid_request_error', `Unrecognized request URL (${route})`));
  }

  private createCustomer(form: Form): Json {
    const customer = {
      id: id('cus'),
      object: 'customer',
      email: form.email,
      name: form.name,
      metadata: form.metadata ?? {},
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  private createSession(form: Form): Json {
    const sessionId = id('cs_test');
    const session = {
      id: sessionId,
      object: 'checkout.session',
      mode: form.mode,
      status: 'open',
      customer: form.customer,
      client_reference_id: form.client_reference_id ?? null,
      line_items: Object.values((form.line_items ?? {}) as Json),
      subscription_data: form.subscription_data ?? {},
      metadata: form.metadata ?? {},
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      subscription: null,
      url: `https://checkout.stripe.test/c/pay/${sessionId}`,
    };
    this.sessions.set(sessionId, session);
    return session;
  }

  private createSubscription(input: {
    customer: string;
    price: string;
    trialDays: number;
    metadata: Json;
    paymentMethod: boolean;
  }): Json {
    const start = now();
    const trialEnd = input.trialDays ? start + input.trialDays * DAY : null;
    const price = this.prices[input.price];
    if (!price) throw new Error(`Unknown price ${input.price}`);
    const subscription: Json = {
      id: id('sub'),
      object: 'subscription',
      customer: input.customer,
      status: trialEnd ? 'trialing' : 'active',
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      trial_end: trialEnd,
      start_date: start,
      default_payment_method: input.paymentMethod ? id('pm') : null,
      metadata: input.metadata,
      items: {
        object: 'list',
        data: [
          {
            id: id('si'),
            object: 'subscription_item',
            price: {
              id: input.price,
              object: 'price',
              unit_amount: price.amount,
              recurring: { interval: price.interval },
            },
            quantity: 1,
            current_period_start: start,
            current_period_end: trialEnd ?? addInterval(start, price.interval),
          },
        ],
      },
    };
    this.subscriptions.set(subscription.id as string, subscription);
    return subscription;
  }

  private item(subscription: Json) {
    return (subscription.items as { data: Json[] }).data[0]!;
  }

  private priceOf(subscription: Json): FakePrice {
    return this.prices[(this.item(subscription).price as Json).id as string]!;
  }

  private updateSubscription(subscription: Json, form: Form): void {
    const items = form.items ? Object.values(form.items as Json) : [];
    for (const change of items as { id?: string; price?: string }[]) {
      if (!change.price) continue;
      const price = this.prices[change.price];
      if (!price) throw new Error(`Unknown price ${change.price}`);
      const item = this.item(subscription);
      item.price = {
        id: change.price,
        object: 'price',
        unit_amount: price.amount,
        recurring: { interval: price.interval },
      };
      if (price.interval !== this.intervalOf(item)) {
        item.current_period_end = addInterval(now(), price.interval);
      }
      const proration =
        form.proration_behavior === 'none'
          ? 0
          : this.prorationAmount(subscription, change.price, Number(form.proration_date ?? now()));
      if (proration > 0 && subscription.status === 'active') this.createInvoice(subscription, proration, true);
    }
    if (form.cancel_at_period_end !== undefined) {
      subscription.cancel_at_period_end = form.cancel_at_period_end === 'true';
      subscription.canceled_at = subscription.cancel_at_period_end ? now() : null;
    }
    if (form.trial_end !== undefined) {
      const end = form.trial_end === 'now' ? now() : Number(form.trial_end);
      subscription.trial_end = end;
      this.item(subscription).current_period_end = end;
      subscription.status = end > now() ? 'trialing' : 'active';
    }
    if (form.metadata) subscription.metadata = { ...(subscription.metadata as Json), ...(form.metadata as Json) };
  }

  private intervalOf(item: Json) {
    return ((item.price as Json).recurring as { interval: string }).interval;
  }

  /** Unused time of the old price credited against the new price for the rest of the period. */
  private prorationAmount(subscription: Json, newPrice: string, at: number): number {
    const item = this.item(subscription);
    const oldAmount = (item.price as Json).unit_amount as number;
    const next = this.prices[newPrice]!.amount;
    const start = item.current_period_start as number;
    const end = item.current_period_end as number;
    const remaining = Math.max(0, Math.min(1, (end - at) / Math.max(1, end - start)));
    return Math.max(0, Math.round((next - oldAmount) * remaining));
  }

  private preview(form: Form): Json {
    const subscription = this.subscriptions.get(form.subscription as string);
    if (!subscription) throw new Error('preview without a subscription');
    const details = (form.subscription_details ?? {}) as { items?: Json; proration_date?: string };
    const change = Object.values(details.items ?? {})[0] as { price: string };
    const amount = this.prorationAmount(subscription, change.price, Number(details.proration_date ?? now()));
    return {
      id: `upcoming_${subscription.id}`,
      object: 'invoice',
      customer: subscription.customer,
      amount_due: amount,
      amount_paid: 0,
      currency: 'gbp',
      status: 'draft',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    };
  }

  private createInvoice(subscription: Json, amount: number, paid: boolean): Json {
    const paymentIntent = amount > 0 ? id('pi') : null;
    const invoice: Json = {
      id: id('in'),
      object: 'invoice',
      customer: subscription.customer,
      currency: 'gbp',
      amount_due: amount,
      amount_paid: paid ? amount : 0,
      status: paid ? 'paid' : 'open',
      status_transitions: { paid_at: paid ? now() : null },
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
      payments: {
        object: 'list',
        data: paymentIntent
          ? [{ object: 'invoice_payment', payment: { type: 'payment_intent', payment_intent: paymentIntent } }]
          : [],
      },
    };
    this.invoices.set(invoice.id as string, invoice);
    if (paymentIntent && paid) {
      this.charges.set(paymentIntent, {
        id: id('ch'),
        object: 'charge',
        amount,
        amount_refunded: 0,
        refunded: false,
        currency: 'gbp',
        customer: subscription.customer,
        payment_intent: paymentIntent,
      });
    }
    return invoice;
  }

  private refund(form: Form): { refund?: Json; error?: Json } {
    const charge = form.payment_intent
      ? this.charges.get(form.payment_intent as string)
      : [...this.charges.values()].find((c) => c.id === form.charge);
    if (!charge) return { error: stripeError('invalid_request_error', 'No such payment', 'resource_missing') };
    const amount = form.amount ? Number(form.amount) : (charge.amount as number) - (charge.amount_refunded as number);
    if ((charge.amount_refunded as number) + amount > (charge.amount as number)) {
      return {
        error: stripeError(
          'invalid_request_error',
          'Refund amount is greater than unrefunded amount on charge',
          'amount_too_large',
        ),
      };
    }
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund = {
      id: id('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status: 'succeeded',
      metadata: form.metadata ?? {},
    };
    this.refunds.set(refund.id, refund);
    return { refund };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  response.end(JSON.stringify(body));
}

function stripeError(type: string, message: string, code?: string) {
  return { error: { type, message, ...(code ? { code } : {}) } };
}
