import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server } from 'socket.io';
import { RedisConnection } from '@app/common/redis/redis.module';

/**
 * socket.io on Fastify's HTTP server. With REDIS_URL, rooms span instances through
 * @socket.io/redis-adapter. Its Redis clients queue subscriptions until Redis answers and a
 * failed publish is logged, never left as an unhandled rejection: losing Redis must not crash
 * the instance, which keeps serving its own sockets and rejoins when Redis is back.
 *
 * In bootstrap: `app.useWebSocketAdapter(new RealtimeIoAdapter(app));`
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly redisLog = new Logger(RealtimeIoAdapter.name);
  private readonly clients: Redis[] = [];

  constructor(private readonly appContext: INestApplicationContext) {
    super(appContext);
  }

  // @nestjs/platform-socket.io brings its own copy of socket.io: typed loosely across the two.
  override createIOServer(
    port: number,
    options?: Parameters<IoAdapter['createIOServer']>[1],
  ): ReturnType<IoAdapter['createIOServer']> {
    const created = super.createIOServer(port, { ...options, serveClient: false } as Parameters<
      IoAdapter['createIOServer']
    >[1]);
    const server = created as unknown as Server;
    const redis = this.appContext.get(RedisConnection, { strict: false });
    const base = redis.client;
    if (base) {
      const pub = this.guard(base.duplicate({ enableOfflineQueue: false }));
      const sub = this.guard(base.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }));
      server.adapter(createAdapter(pub, sub));
    }
    return created;
  }

  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    await super.close(server);
    this.disconnectRedis();
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    this.disconnectRedis();
  }

  private disconnectRedis(): void {
    // disconnect(), not quit(): quit waits for a server that may be gone.
    for (const client of this.clients.splice(0)) client.disconnect();
  }

  /** Marks every command promise the adapter fires and forgets as handled. */
  private guard(client: Redis): Redis {
    client.on('error', () => undefined);
    for (const name of ['publish', 'spublish', 'subscribe', 'psubscribe', 'ssubscribe'] as const) {
      const original = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
      if (typeof original !== 'function') continue;
      (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        const result = original.apply(client, args);
        if (result instanceof Promise) {
          result.catch((error: Error) => this.redisLog.warn(`socket.io Redis ${name} failed: ${error.message}`));
        }
        return result;
      };
    }
    this.clients.push(client);
    return client;
  }
}
