import { EventEmitter } from 'node:events';
import type { DataSource, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import { Role } from '@app/common/auth/role';
import type { RedisConnection } from '@app/common/redis/redis.module';
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { AuthSession } from '../entities/auth-session.entity';
import { LiveSession, SESSION_CACHE_TTL_MS, SESSION_INVALIDATION_CHANNEL, SessionCache } from './session-cache';

const live: LiveSession = {
  userId: 'u1',
  role: Role.Parent,
  email: 'sam@example.com',
  status: UserStatus.Active,
  expiresAt: Date.now() + 3_600_000,
  startedAt: Date.now(),
  lastUsedAt: Date.now(),
  idleTimeoutMs: 3_600_000,
  absoluteLifetimeMs: 86_400_000,
};

/** A Redis stand-in: what was published, and a way to deliver a message from another instance. */
class FakeRedis extends EventEmitter {
  status = 'ready';
  published: [string, string][] = [];
  publish(channel: string, message: string) {
    this.published.push([channel, message]);
    return Promise.resolve(1);
  }
  subscribe() {
    return Promise.resolve(1);
  }
  disconnect() {}
}

function setUp(withRedis = false) {
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  const publisher = new FakeRedis();
  const subscriber = new FakeRedis();
  const redis = {
    client: withRedis ? publisher : undefined,
    duplicate: () => (withRedis ? subscriber : undefined),
  } as unknown as RedisConnection;
  const cache = new SessionCache(dataSource, redis);
  return { cache, dataSource, publisher, subscriber };
}

const update = (target: unknown, inTransaction = false) =>
  ({
    metadata: { target },
    queryRunner: { isTransactionActive: inTransaction, data: {} },
  }) as unknown as UpdateEvent<unknown>;

describe(SessionCache.name, () => {
  describe('get/set', () => {
    it('answers from memory until the time to live has passed, then misses', () => {
      const { cache } = setUp();
      cache.set('s1', live, 1_000);
      expect(cache.get('s1', 1_000 + SESSION_CACHE_TTL_MS - 1)).toEqual(live);
      expect(cache.get('s1', 1_000 + SESSION_CACHE_TTL_MS)).toBeUndefined();
    });

    it('trusts nothing for a second or more, so a change it missed takes effect within a second', () => {
      expect(SESSION_CACHE_TTL_MS).toBeLessThan(1_000);
    });

    it('remembers that a session is not live (null) as well', () => {
      const { cache } = setUp();
      cache.set('gone', null);
      expect(cache.get('gone')).toBeNull();
    });
  });

  describe('as a TypeORM subscriber', () => {
    it('registers itself with the data source', () => {
      const { cache, dataSource } = setUp();
      expect(dataSource.subscribers).toContain(cache);
    });

    it.each([
      ['a session is revoked', AuthSession],
      ['an account is suspended', User],
    ])('forgets everything when %s', (_what, target) => {
      const { cache } = setUp();
      cache.set('s1', live);
      cache.afterUpdate(update(target));
      expect(cache.get('s1')).toBeUndefined();
    });

    it('keeps its entries when another table changes', () => {
      const { cache } = setUp();
      cache.set('s1', live);
      cache.afterUpdate(update(class Other {}));
      expect(cache.get('s1')).toEqual(live);
    });

    it('forgets again when the writing transaction commits (a reader may have cached the old row)', () => {
      const { cache } = setUp();
      const event = update(User, true);
      cache.afterUpdate(event);
      cache.set('s1', live); // read during the transaction, before the commit
      cache.afterTransactionCommit({ queryRunner: event.queryRunner } as unknown as TransactionCommitEvent);
      expect(cache.get('s1')).toBeUndefined();
    });
  });

  describe('across instances', () => {
    it('tells the other instances through Redis when it forgets', () => {
      const { cache, publisher } = setUp(true);
      cache.afterUpdate(update(AuthSession));
      expect(publisher.published).toEqual([[SESSION_INVALIDATION_CHANNEL, '1']]);
    });

    it('forgets when another instance says so', () => {
      const { cache, subscriber } = setUp(true);
      cache.set('s1', live);
      subscriber.emit('message', SESSION_INVALIDATION_CHANNEL, '1');
      expect(cache.get('s1')).toBeUndefined();
    });

    it('still forgets locally when Redis is down', () => {
      const { cache, publisher } = setUp(true);
      publisher.status = 'reconnecting';
      cache.set('s1', live);
      cache.invalidate();
      expect(cache.get('s1')).toBeUndefined();
      expect(publisher.published).toEqual([]);
    });
  });
});
