import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { CatchUpRecipient } from './catch-up';
import { DeliveryLedger } from './delivery-ledger';
import { RealtimeEventRow } from './entities/realtime-event.entity';
import { RealtimeEventsRepository } from './realtime-events.repository';
import { RealtimeEvent } from './realtime-events';
import type { RealtimeRedis } from './realtime-redis';
import { RealtimeService } from './realtime.service';

type Handlers = { [event: string]: Set<(...args: unknown[]) => void> };

/** Redis pub/sub between the instances of a test: it can go away and come back. */
class FakeRedis {
  up = true;
  readonly buses = new Set<FakeBus>();

  async carry(raw: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    for (const bus of this.buses) if (bus.joined) bus.emit('message', raw);
  }
}

/** One instance's view of Redis, standing in for RealtimeRedis. */
class FakeBus {
  readonly enabled: boolean;
  joined: boolean;
  publisherUp = true;
  readonly published: string[] = [];
  private readonly handlers: Handlers = {};

  constructor(private readonly redis?: FakeRedis) {
    this.enabled = !!redis;
    this.joined = !!redis;
    redis?.buses.add(this);
  }

  get publisherReady(): boolean {
    return !!this.redis?.up && this.publisherUp;
  }

  on(event: string, handler: (...args: unknown[]) => void): () => void {
    (this.handlers[event] ??= new Set()).add(handler);
    return () => this.handlers[event]!.delete(handler);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers[event] ?? []) handler(...args);
  }

  async publish(raw: string): Promise<boolean> {
    if (!this.redis || !this.publisherReady) {
      this.emit('publishFailed');
      return false;
    }
    this.published.push(raw);
    await this.redis.carry(raw);
    return true;
  }

  /** The subscription is back (ioredis reconnected and resubscribed). */
  rejoin(): void {
    this.joined = true;
    this.emit('joined');
  }
}

/** One instance: the service, and one user's live connection on it with what it received. */
function instance(dataSource: DataSource, bus: FakeBus, userId: string) {
  const service = new RealtimeService(
    new RealtimeEventsRepository(dataSource.getRepository(RealtimeEventRow)),
    bus as unknown as RealtimeRedis,
  );
  service.onModuleInit();
  const ledger = new DeliveryLedger(0);
  const received: string[] = [];
  const connection: CatchUpRecipient = {
    userId,
    ledger,
    deliver: (envelope) => {
      if (ledger.record(Number(envelope.id)))
        received.push((envelope as { data: { booking: { id: string } } }).data.booking.id);
    },
  };
  service.addListener(({ userId: to, envelope }) => {
    if (to === userId) connection.deliver(envelope);
  });
  service.addCatchUpSource(() => [connection]);
  const broadcast: string[] = [];
  service.addBroadcaster(({ userId: to, envelope }) => broadcast.push(`${to}:${envelope.id}`));
  return { service, received, broadcast, ledger };
}

const booking = (id: string): RealtimeEvent => ({
  type: 'booking.updated',
  data: {
    booking: { id, status: 'confirmed', startsAt: '2026-12-01T09:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' },
  },
});

const until = async (what: string, condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe(RealtimeService.name, () => {
  let dataSource: DataSource;
  const services: RealtimeService[] = [];

  beforeEach(async () => {
    dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterEach(async () => {
    for (const service of services.splice(0)) await service.onApplicationShutdown();
    await dataSource.destroy();
  });
  const start = (bus: FakeBus, userId: string) => {
    const started = instance(dataSource, bus, userId);
    services.push(started.service);
    return started;
  };

  describe('publish', () => {
    it('without Redis delivers in this process, once per recipient, and stores each event', async () => {
      const one = start(new FakeBus(), 'ann');

      await one.service.publish(['ann', 'ann', 'bob'], booking('b1'));

      expect(one.received).toEqual(['b1']);
      expect(one.broadcast).toEqual(['ann:1', 'bob:2']);
      expect(await dataSource.getRepository(RealtimeEventRow).count()).toBe(2);
    });

    it('with Redis reaches the streams on every instance once, and hands socket.io the event only where it was published', async () => {
      const redis = new FakeRedis();
      const one = start(new FakeBus(redis), 'ann');
      const two = start(new FakeBus(redis), 'ann');

      await one.service.publish(['ann'], booking('b1'));
      await until('both instances to deliver', () => one.received.length === 1 && two.received.length === 1);

      expect([one.received, two.received]).toEqual([['b1'], ['b1']]);
      expect([one.broadcast, two.broadcast]).toEqual([['ann:1'], []]);
    });
  });

  describe('after Redis was away', () => {
    it('each instance served its own clients, and what another instance published reaches them once Redis is back', async () => {
      const redis = new FakeRedis();
      const busOne = new FakeBus(redis);
      const busTwo = new FakeBus(redis);
      const one = start(busOne, 'ann');
      const two = start(busTwo, 'ann');

      redis.up = false;
      busOne.joined = false;
      busTwo.joined = false;
      await one.service.publish(['ann'], booking('while-down-on-one'));
      await two.service.publish(['ann'], booking('while-down-on-two'));
      expect([one.received, two.received]).toEqual([['while-down-on-one'], ['while-down-on-two']]);

      redis.up = true;
      busTwo.rejoin();
      busOne.rejoin();
      await until('both to catch up', () => one.received.length === 2 && two.received.length === 2);
      // A live event after the outage, then time for anything that would arrive twice.
      await one.service.publish(['ann'], booking('after'));
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(one.received).toEqual(['while-down-on-one', 'while-down-on-two', 'after']);
      expect(two.received).toEqual(['while-down-on-two', 'while-down-on-one', 'after']);
    });

    it('an instance that could not publish tells the others to catch up once it can', async () => {
      const redis = new FakeRedis();
      const busOne = new FakeBus(redis);
      const one = start(busOne, 'ann');
      const two = start(new FakeBus(redis), 'ann');

      // Only instance one lost Redis: instance two's subscription stood throughout.
      busOne.publisherUp = false;
      await one.service.publish(['ann'], booking('unpublished'));
      expect([one.received, two.received]).toEqual([['unpublished'], []]);

      busOne.publisherUp = true;
      busOne.emit('publisherReady');
      await until('instance two to catch up', () => two.received.length === 1);

      expect(two.received).toEqual(['unpublished']);
      expect(busOne.published.map((raw) => (JSON.parse(raw) as { kind: string }).kind)).toEqual(['catch-up']);
      // Instance one ignores its own notice: its client had the event already.
      expect(one.received).toEqual(['unpublished']);
    });
  });

  describe('latestEventId', () => {
    it('is 0 for an empty store and then the newest id', async () => {
      const one = start(new FakeBus(), 'ann');
      expect(await one.service.latestEventId()).toBe(0);
      await one.service.publish(['ann', 'bob'], booking('b1'));
      expect(await one.service.latestEventId()).toBe(2);
    });
  });
});
