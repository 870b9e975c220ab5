import { Logger, OnModuleDestroy } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthContext } from '@app/common/auth/auth-context';
import { CatchUpRecipient } from '../catch-up';
import { DeliveryLedger } from '../delivery-ledger';
import { isRealtimeEventType, RealtimeEnvelope, RealtimeSocketEvents, userRoom } from '../realtime-events';
import { PresenceService } from '../presence.service';
import { RealtimeService } from '../realtime.service';
import { SessionWatch } from '../session-watch';
import { SocketAuthenticator } from './socket-authenticator';

export const SOCKET_IO_PATH = '/api/socketio';

interface SocketData {
  auth?: AuthContext;
  /** Ends this connection's share of the user's presence. */
  untrack?: () => void;
  /** Stops SessionWatch watching this connection's session. */
  unwatch?: () => void;
}

type NoEvents = Record<string, never>;
export type RealtimeServer = Server<NoEvents, RealtimeSocketEvents, NoEvents, SocketData>;
type RealtimeSocket = Socket<NoEvents, RealtimeSocketEvents, NoEvents, SocketData>;

/**
 * socket.io at /api/socketio. A client sends its access token in the handshake
 * (`io(url, { path: '/api/socketio', auth: { token } })`); without a valid one it receives
 * `unauthorized` and is disconnected. An authenticated socket joins the room `user:<id>`, gets
 * `ready`, and then every realtime event as a socket.io event of the same name carrying the
 * same envelope as SSE.
 *
 * Each event is emitted to the user's room once, by the instance that published it; with
 * REDIS_URL the Redis adapter (RealtimeIoAdapter) delivers it to the room's sockets on every
 * instance. While Redis is away the emit still reaches this instance's sockets, and the others'
 * sockets get it by catch-up when it is back: each socket's ledger records what passed through
 * it, so catch-up sends only what is missing.
 */
@WebSocketGateway({ path: SOCKET_IO_PATH, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly unsubscribe: (() => void)[] = [];
  /** This instance's authenticated sockets, by socket id, for catch-up. */
  private readonly recipients = new Map<string, CatchUpRecipient>();

  @WebSocketServer() server!: RealtimeServer;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly authenticator: SocketAuthenticator,
    private readonly presence: PresenceService,
    private readonly sessionWatch: SessionWatch,
  ) {}

  afterInit(): void {
    this.unsubscribe.push(
      this.realtime.addBroadcaster(({ userId, envelope }) => this.emitTo(this.server.to(userRoom(userId)), envelope)),
      this.realtime.addCatchUpSource(() => this.recipients.values()),
      // Each instance ends its own sockets (RealtimeService tells every instance to).
      this.realtime.addDisconnector((userId) => this.server.in(userRoom(userId)).local.disconnectSockets(true)),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.recipients.clear();
  }

  handleDisconnect(client: RealtimeSocket): void {
    this.recipients.delete(client.id);
    client.data.untrack?.();
    client.data.unwatch?.();
  }

  async handleConnection(client: RealtimeSocket): Promise<void> {
    const handshake = client.handshake;
    const auth = await this.authenticator
      .authenticate((handshake.auth as { token?: unknown } | undefined)?.token)
      .catch((error: unknown) => {
        this.logger.warn(`Socket authentication failed: ${(error as Error).message}`);
        return undefined;
      });
    if (!auth) {
      client.emit('unauthorized', { message: 'Sign in to continue: the access token is missing, invalid or expired' });
      client.disconnect(true);
      return;
    }
    client.data.auth = auth;
    client.data.untrack = this.presence.track(auth.userId, 'socketio');
    // A session that ends by itself (idle timeout, absolute lifetime) ends its socket too.
    client.data.unwatch = this.sessionWatch.watch(auth.sessionId, auth.userId, () => {
      client.emit('unauthorized', { message: 'Your session has ended: sign in again' });
      client.disconnect(true);
    });
    // The client may have gone while its token was checked: handleDisconnect has then run already.
    if (client.disconnected) {
      client.data.untrack();
      client.data.unwatch();
      return;
    }

    // The socket is owed what is published from now on: catch-up starts after the newest stored
    // event. Without that (the store did not answer) it still gets live events, only no catch-up.
    const floor = await this.realtime.latestEventId().catch((error: unknown) => {
      this.logger.warn(`No catch-up for this socket: ${(error as Error).message}`);
      return undefined;
    });
    if (floor !== undefined) {
      const ledger = new DeliveryLedger(floor);
      // Live emits reach the socket from the adapter, not through this gateway: record them as they pass.
      client.onAnyOutgoing((event: unknown, envelope?: { id?: unknown }) => {
        if (isRealtimeEventType(event) && typeof envelope?.id === 'string') ledger.record(Number(envelope.id));
      });
      if (!client.disconnected) {
        this.recipients.set(client.id, {
          userId: auth.userId,
          ledger,
          deliver: (envelope) => {
            if (!ledger.has(Number(envelope.id))) this.emitTo(client, envelope);
          },
        });
      }
    }
    await client.join(userRoom(auth.userId));
    client.emit('ready', { userId: auth.userId });
  }

  /**
   * Emits an envelope under its own event name. RealtimeSocketEvents types each name with its
   * own envelope; an envelope of the union type fits them all only with this cast.
   */
  private emitTo(target: { emit: (...args: never[]) => unknown }, envelope: RealtimeEnvelope): void {
    const emit = target.emit as (this: typeof target, event: string, envelope: RealtimeEnvelope) => unknown;
    emit.call(target, envelope.type, envelope);
  }
}
