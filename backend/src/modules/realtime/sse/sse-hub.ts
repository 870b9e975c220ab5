import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { RealtimeDelivery, RealtimeEnvelope } from '../realtime-events';
import { PresenceService } from '../presence.service';
import { RealtimeService } from '../realtime.service';
import { SseQuery } from '../dto/sse.query';
import { SseTicketsService } from './sse-tickets.service';

export const SSE_HEARTBEAT_MS = 25_000;

/** One open EventSource connection. Events queue until the replay has been written. */
class SseStream {
  private replaying = true;
  private queued: RealtimeEnvelope[] = [];
  private lastSentId: number;

  constructor(
    readonly userId: string,
    private readonly res: ServerResponse,
    lastEventId: number,
  ) {
    this.lastSentId = lastEventId;
  }

  send(envelope: RealtimeEnvelope): void {
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
    // Live and replayed events can overlap around the replay: ids only ever grow for a stream.
    if (Number(envelope.id) <= this.lastSentId || this.res.writableEnded) return;
    this.lastSentId = Number(envelope.id);
    this.res.write(`id: ${envelope.id}\nevent: ${envelope.type}\ndata: ${JSON.stringify(envelope)}\n\n`);
  }
}

/**
 * This instance's open SSE streams, by user. Receives deliveries from RealtimeService (which
 * fans out across instances) and writes them to the user's streams.
 */
@Injectable()
export class SseHub implements OnModuleInit, OnApplicationShutdown {
  private readonly streams = new Map<string, Set<SseStream>>();
  private readonly closers = new Set<() => void>();
  private unsubscribe?: () => void;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly tickets: SseTicketsService,
    private readonly presence: PresenceService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.realtime.addListener((delivery) => this.deliver(delivery));
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
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
    const userId = await this.tickets.redeem(query.ticket);
    const header = request.headers['last-event-id'];
    const lastEventId = parseEventId(query.lastEventId ?? (typeof header === 'string' ? header : undefined));

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

    const stream = new SseStream(userId, res, lastEventId);
    const set = this.streams.get(userId) ?? new Set<SseStream>();
    set.add(stream);
    this.streams.set(userId, set);

    const heartbeat = setInterval(() => stream.comment('heartbeat'), SSE_HEARTBEAT_MS);
    heartbeat.unref();
    const untrack = this.presence.track(userId);
    const close = () => {
      clearInterval(heartbeat);
      untrack();
      set.delete(stream);
      if (set.size === 0 && this.streams.get(userId) === set) this.streams.delete(userId);
      this.closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(close);
    request.raw.on('close', close);
    res.on('close', close);

    const missed = lastEventId > 0 ? await this.realtime.eventsAfter(userId, lastEventId).catch(() => []) : [];
    stream.finishReplay(missed);
    stream.comment('ready');
  }

  private deliver(delivery: RealtimeDelivery): void {
    const set = this.streams.get(delivery.userId);
    if (!set) return;
    for (const stream of set) stream.send(delivery.envelope);
  }
}

function parseEventId(value: string | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value)) return 0;
  return Number(value);
}
