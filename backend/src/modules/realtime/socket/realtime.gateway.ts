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
import { userRoom } from '../realtime-events';
import { PresenceService } from '../presence.service';
import { RealtimeService } from '../realtime.service';
import { SocketAuthenticator } from './socket-authenticator';

export const SOCKET_IO_PATH = '/api/socketio';

interface SocketData {
  auth?: AuthContext;
  /** Ends this connection's share of the user's presence. */
  untrack?: () => void;
}

/**
 * socket.io at /api/socketio. A client sends its access token in the handshake
 * (`io(url, { path: '/api/socketio', auth: { token } })`); without a valid one it receives
 * `unauthorized` and is disconnected. An authenticated socket joins the room `user:<id>`, gets
 * `ready`, and then every realtime event as a socket.io event of the same name carrying the
 * same envelope as SSE. The live chat builds its own events on this gateway.
 */
@WebSocketGateway({ path: SOCKET_IO_PATH, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private unsubscribe?: () => void;

  @WebSocketServer() server!: Server;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly authenticator: SocketAuthenticator,
    private readonly presence: PresenceService,
  ) {}

  afterInit(): void {
    // Each instance emits to its own sockets only: RealtimeService already fans out through Redis.
    this.unsubscribe = this.realtime.addListener(({ userId, envelope }) => {
      this.server.local.to(userRoom(userId)).emit(envelope.type, envelope);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  handleDisconnect(client: Socket): void {
    (client.data as SocketData).untrack?.();
  }

  async handleConnection(client: Socket): Promise<void> {
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
    const data = client.data as SocketData;
    data.auth = auth;
    data.untrack = this.presence.track(auth.userId);
    // The client may have gone while its token was checked: handleDisconnect has then run already.
    if (client.disconnected) data.untrack();
    await client.join(userRoom(auth.userId));
    client.emit('ready', { userId: auth.userId });
  }
}
