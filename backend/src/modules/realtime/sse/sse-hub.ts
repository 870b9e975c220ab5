import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { CatchUpRecipient } from '../catch-up';
import { DeliveryLedger } from '../delivery-ledger';
import { RealtimeDelivery, RealtimeEnvelope } from '../realtime-events';
import { PresenceService } from '../presence.service';
import { RealtimeService } from '../realtime.service';
import { SseQuery } from '../dto/sse.query';
import { SessionWatch } from '../session-watch';
import { SseTicketsService } from './sse-tickets.service';

export const SSE_HEARTBEAT_MS = 25_000;

/**
 * One open EventSource connection. Events queue until the replay has been written; every write
 * goes through the stream's ledger, so an event that arrives by two paths is written once.
 */
export class SseStream implements CatchUpRecipient {
  private replaying = true;
  private queued: RealtimeEnvelope[] = [];
  /** The highest id written with an `id:` line: what the browser sends back as Last-Event-ID. */
  private cursor: number;

  constructor(
    readonly userId: string,
    private readonly res: ServerResponse,
    /** Starts at Last-Event-ID, or for a new stream at the newest stored event. */
    readonly ledger: DeliveryLedger,
    lastEventId: number,
  ) {
    this.cursor = lastEventId;
  }

  /** Replay is done and live events are written as they come: catch-up may send to it. */
  get live(): boolean {
    return !this.replaying && !this.res.writableEnded;
  }

  deliver(envelope: RealtimeEnvelope): void {
    if (this.replaying) {
      this.queued.push(envelope);
      return;
    }
    this.write(envelope);
  }

  finishReplay(missed: RealtimeEnvelope[]): void {
    for (const envelope of missed) this.write(envelope);
    this.replaying = false;
    const queued = this.queued;
    this.queued = [];
    for (const envelope of queued) this.write(envelope);
  }

  comment(text: string): void {
    if (!this.res.writableEnded) this.res.write(`: ${text}\n\n`);
  }

  private write(envelope: RealtimeEnvelope): void {
    const id = Number(envelope.id);
    if (this.res.writableEnded || !this.ledger.record(id)) return;
    // An event older than one already written (caught up after a Redis outage, or published on
    // two instances at once) goes without `id:`: the browser's Last-Event-ID stays at the newest,
    // so a reconnect does not replay what came after it a second time.
    const idLine = id > this.cursor ? `id: ${envelope.id}\n` : '';
    this.cursor = Math.max(this.cursor, id);
    this.res.write(`${idLine}event: ${envelope.type}\ndata: ${JSON.stringify(envelope)}\n\n`);
  }
}

/**
 * This instance's open SSE streams, by user. Receives deliveries from RealtimeService (which
 * fans out across instances) and writes them to the user's streams; offers its live streams to
 * RealtimeService's catch-up after a Redis outage.
 */
@Injectable()
export class SseHub implements OnModuleInit, OnApplicationShutdown {
  private readonly streams = new Map<string, Set<SseStream>>();
  private readonly closers = new Set<() => void>();
  private readonly closersByUser = new Map<string, Set<() => void>>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly realtime: RealtimeService,
    private readonly tickets: SseTicketsService,
    private readonly presence: PresenceService,
    private readonly sessionWatch: SessionWatch,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.realtime.addListener((delivery) => this.deliver(delivery)),
      this.realtime.addCatchUpSource(() => this.liveStreams()),
      this.realtime.addDisconnector((userId) => this.closeStreamsOf(userId)),
    );
  }

  onApplicationShutdown(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    for (const close of [...this.closers]) close();
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.streams.values()) count += set.size;
    return count;
  }

  /**
   * Redeems the ticket (a 401 JSON error if it is not good), then takes the connection over from
   * Fastify and keeps it open: replays events after Last-Event-ID, then streams live ones, with
   * a heartbeat comment every 25 seconds.
   */
  async open(query: SseQuery, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { userId, sessionId } = await this.tickets.redeem(query.ticket);
    const header = request.headers['last-event-id'];
    const lastEventId = parseEventId(query.lastEventId ?? (typeof header === 'string' ? header : undefined));
    // A new stream is owed what is published from now on: the newest stored event is where it
    // starts (read before taking the connection over, so that a failure is an ordinary error).
    const floor = lastEventId > 0 ? lastEventId : await this.realtime.latestEventId();

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    res.write('retry: 3000\n\n');
    res.socket?.setNoDelay(true);

    const stream = new SseStream(userId, res, new DeliveryLedger(floor), lastEventId);
    const set = this.streams.get(userId) ?? new Set<SseStream>();
    set.add(stream);
    this.streams.set(userId, set);

    const heartbeat = setInterval(() => stream.comment('heartbeat'), SSE_HEARTBEAT_MS);
    heartbeat.unref();
    const untrack = this.presence.track(userId, 'sse');
    let unwatch = () => {};
    const close = () => {
      unwatch();
      const mine = this.closersByUser.get(userId);
      mine?.delete(close);
      if (mine?.size === 0) this.closersByUser.delete(userId);
      clearInterval(heartbeat);
      untrack();
      set.delete(stream);
      if (set.size === 0 && this.streams.get(userId) === set) this.streams.delete(userId);
      this.closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(close);
    const userClosers = this.closersByUser.get(userId) ?? new Set<() => void>();
    userClosers.add(close);
    this.closersByUser.set(userId, userClosers);
    request.raw.on('close', close);
    res.on('close', close);
    // A session that ends by itself (idle timeout, absolute lifetime) ends its stream too.
    unwatch = this.sessionWatch.watch(sessionId, userId, close);

    const missed = lastEventId > 0 ? await this.realtime.eventsAfter(userId, lastEventId).catch(() => []) : [];
    stream.finishReplay(missed);
    stream.comment('ready');
  }

  /** Ends the user's streams on this instance (a suspended account's browser gets no reconnect ticket). */
  private closeStreamsOf(userId: string): void {
    for (const close of [...(this.closersByUser.get(userId) ?? [])]) close();
    this.closersByUser.delete(userId);
  }

  private deliver(delivery: RealtimeDelivery): void {
    const set = this.streams.get(delivery.userId);
    if (!set) return;
    for (const stream of set) stream.deliver(delivery.envelope);
  }

  private *liveStreams(): Iterable<SseStream> {
    for (const set of this.streams.values()) for (const stream of set) if (stream.live) yield stream;
  }
}

function parseEventId(value: string | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value)) return 0;
  return Number(value);
}
