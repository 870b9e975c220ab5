import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server } from 'socket.io';
import { RealtimeRedis } from '../realtime-redis';

/**
 * socket.io on Fastify's HTTP server. With REDIS_URL, rooms span instances through
 * @socket.io/redis-adapter, on RealtimeRedis's two connections (which handle every command's
 * failure and never queue a PUBLISH): an emit to a room goes to this instance's sockets at once
 * and to the other instances through Redis. While Redis is away only the first happens, the
 * instance keeps serving its own sockets, and RealtimeService catches the others up afterwards.
 *
 * In bootstrap: `app.useWebSocketAdapter(new RealtimeIoAdapter(app));`
 */
export class RealtimeIoAdapter extends IoAdapter {
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
    const bus = this.appContext.get(RealtimeRedis, { strict: false });
    if (bus.publisher && bus.subscriber) {
      (created as unknown as Server).adapter(createAdapter(bus.publisher, bus.subscriber));
    }
    return created;
  }
}
