import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource, EntitySubscriberInterface, RemoveEvent, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { RedisConnection } from '@app/common/redis/redis.module';
// The cache reacts to writes on users rows (it reads none): a value import, for the comparison only.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { User, UserStatus } from '@app/modules/users/entities/user.entity';
import { AuthSession } from '../entities/auth-session.entity';

/** What the access-token check needs to know about a live session and its account. */
export interface LiveSession {
  userId: string;
  role: Role;
  email: string;
  status: UserStatus;
  /** When the session itself expires (ms since the epoch). */
  expiresAt: number;
  /** When it was signed in, and last used (ms since the epoch): the security settings' limits count from these. */
  startedAt: number;
  lastUsedAt: number;
  /** The security settings when this was read: idle timeout and absolute lifetime, in ms. */
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
}

/**
 * How long this instance trusts what it read about a session. This is the bound on how late a
 * revocation or suspension made on another instance takes effect when the Redis notice is lost
 * (Redis down, or not configured): under a second, as promised.
 */
export const SESSION_CACHE_TTL_MS = 750;
const MAX_ENTRIES = 20_000;
/** The pub/sub channel on which instances tell each other to forget what they cached. */
export const SESSION_INVALIDATION_CHANNEL = 'cmc:sessions:invalidate';
const PENDING = Symbol('session-cache-pending');

/**
 * A short-lived, per-instance memory of live sessions, so that a signed-in request does not
 * cost a database round trip for the session check. It stays correct because:
 * - any write to `auth_sessions` or `users` (revocation, logout, suspension, role change) through
 *   TypeORM empties it at once on this instance, again when the writing transaction commits,
 *   and on every other instance through Redis pub/sub;
 * - an entry is never trusted for longer than SESSION_CACHE_TTL_MS, whatever happens to Redis.
 * Emptying the whole cache is deliberate: those writes are rare next to reads, and it needs no
 * knowledge of which session a bulk update touched.
 */
@Injectable()
export class SessionCache implements EntitySubscriberInterface, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, { value: LiveSession | null; until: number }>();
  private readonly publisher: Redis | undefined;
  private readonly subscriber: Redis | undefined;

  constructor(@InjectDataSource() dataSource: DataSource, redis: RedisConnection) {
    dataSource.subscribers.push(this);
    this.publisher = redis.client;
    this.subscriber = redis.duplicate();
    this.subscriber?.on('error', () => undefined); // RedisConnection logs connection trouble once
    this.subscriber?.on('message', (channel: string) => {
      if (channel === SESSION_INVALIDATION_CHANNEL) this.entries.clear();
    });
    // The connection refuses commands until it is ready (no offline queue): subscribe once it is,
    // and again after each reconnection. Subscribing straight away would fail silently, and every
    // other instance's notice would then be missed.
    const subscribe = () => void this.subscriber?.subscribe(SESSION_INVALIDATION_CHANNEL).catch(() => undefined);
    this.subscriber?.on('ready', subscribe);
    if (this.subscriber?.status === 'ready') subscribe();
  }

  /** The cached answer for this session (null: known not to be live), or undefined on a miss. */
  get(sessionId: string, now = Date.now()): LiveSession | null | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  set(sessionId: string, value: LiveSession | null, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { value, until: now + SESSION_CACHE_TTL_MS });
  }

  /**
   * Forgets every cached session here and on every other instance. The returned promise settles
   * once Redis has passed the notice on (it never rejects); most callers need not wait for it.
   */
  invalidate(): Promise<void> {
    this.entries.clear();
    if (this.publisher?.status !== 'ready') return Promise.resolve();
    return this.publisher.publish(SESSION_INVALIDATION_CHANNEL, '1').then(
      () => undefined,
      (error: Error) => {
        this.logger.warn(`Could not tell other instances to forget cached sessions: ${error.message}`);
      },
    );
  }

  // --- TypeORM subscriber: every change to the two tables the check reads -----------------

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.onWrite(event);
  }
  afterRemove(event: RemoveEvent<unknown>): void {
    this.onWrite(event);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<symbol, boolean>;
    if (!data[PENDING]) return;
    delete data[PENDING];
    // A request that read the old row during the transaction may have cached it: forget it again.
    void this.invalidate();
  }

  private onWrite(event: UpdateEvent<unknown> | RemoveEvent<unknown>): void {
    // Inserts do not matter: a new session or user cannot have been cached yet.
    const target = event.metadata.target;
    if (target !== AuthSession && target !== User) return;
    void this.invalidate();
    if (event.queryRunner.isTransactionActive) (event.queryRunner.data as Record<symbol, boolean>)[PENDING] = true;
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
