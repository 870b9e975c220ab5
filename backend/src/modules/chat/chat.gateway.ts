import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Server, Socket } from 'socket.io';
import { AuthContext } from '@app/common/auth/auth-context';
import { DomainException } from '@app/common/errors/domain.exception';
import { userRoom } from '@app/modules/realtime/realtime-events';
import { SOCKET_IO_PATH } from '@app/modules/realtime/socket/realtime.gateway';
import { ChatService } from './chat.service';
import { ListChatMessagesQuery, SendChatMessageDto } from './dto/chat-requests.dto';
import { ChatMessageResponse } from './dto/chat.response';
import { ChatSession } from './entities/chat-session.entity';

/** What an acknowledgement carries back: the result, or the same error body REST would answer. */
export type ChatAck<T> =
  { ok: true; data: T } | { ok: false; error: { statusCode: number; code: string; message: string } };

export interface ChatTypingSignal {
  sessionId: string;
  userId: string;
  typing: boolean;
}

export interface ChatReadSignal {
  sessionId: string;
  userId: string;
  upTo: number;
}

/** Sent only over the socket, never stored: typing indicators and read marks. */
export interface ChatSocketSignals {
  'chat.typing': (signal: ChatTypingSignal) => void;
  'chat.read': (signal: ChatReadSignal) => void;
}

interface SocketData {
  /** Set by the realtime gateway once the handshake's token is verified. */
  auth?: AuthContext;
}

type ChatSocket = Socket<Record<string, never>, ChatSocketSignals, Record<string, never>, SocketData>;

/**
 * The chat's client-to-server events on the one socket.io server at /api/socketio (the realtime
 * gateway authenticates the socket and joins it to its user room; this gateway shares that
 * server). Messages go through ChatService like REST ones (stored, then delivered as
 * `chat.message` to both sides); `chat:sync` returns what a reconnecting client missed.
 * Typing and read marks are relayed to the other side's room, through the Redis adapter when
 * there are several instances, and are not stored as events (the read mark is kept on the session).
 */
@WebSocketGateway({ path: SOCKET_IO_PATH, serveClient: false })
export class ChatGateway {
  private readonly logger = new Logger(ChatGateway.name);

  @WebSocketServer() server!: Server<Record<string, never>, ChatSocketSignals>;

  constructor(private readonly chat: ChatService) {}

  @SubscribeMessage('chat:send')
  send(@ConnectedSocket() client: ChatSocket, @MessageBody() body: unknown): Promise<ChatAck<ChatMessageResponse>> {
    return this.handle(client, async (auth) => this.chat.send(auth, await this.valid(SendChatMessageDto, body)));
  }

  @SubscribeMessage('chat:sync')
  sync(@ConnectedSocket() client: ChatSocket, @MessageBody() body: unknown) {
    return this.handle(client, async (auth) => this.chat.messages(auth, await this.valid(ListChatMessagesQuery, body)));
  }

  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() client: ChatSocket, @MessageBody() body: unknown) {
    return this.handle(client, async (auth) => {
      const { sessionId, typing } = (body ?? {}) as { sessionId?: unknown; typing?: unknown };
      const session = await this.chat.requireSessionAccess(auth, String(sessionId));
      this.toOthers(session, auth.userId).emit('chat.typing', {
        sessionId: session.id,
        userId: auth.userId,
        typing: typing === true,
      });
      return true;
    });
  }

  @SubscribeMessage('chat:read')
  read(@ConnectedSocket() client: ChatSocket, @MessageBody() body: unknown) {
    return this.handle(client, async (auth) => {
      const { sessionId, upTo } = (body ?? {}) as { sessionId?: unknown; upTo?: unknown };
      const mark = Number(upTo);
      if (!Number.isSafeInteger(mark) || mark < 0) throw new BadSocketInput('upTo must be a message id');
      const session = await this.chat.markRead(auth, String(sessionId), mark);
      if (session)
        this.toOthers(session, auth.userId).emit('chat.read', {
          sessionId: session.id,
          userId: auth.userId,
          upTo: mark,
        });
      return true;
    });
  }

  private toOthers(session: ChatSession, userId: string) {
    const others = [session.requesterId, session.agentId].filter((id): id is string => !!id && id !== userId);
    return this.server.to(others.map(userRoom));
  }

  private async valid<T extends object>(type: new () => T, body: unknown): Promise<T> {
    const input = plainToInstance(type, body ?? {});
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
      throw new BadSocketInput(messages.join('; ') || 'Invalid input');
    }
    return input;
  }

  private async handle<T>(client: ChatSocket, work: (auth: AuthContext) => Promise<T>): Promise<ChatAck<T>> {
    const auth = client.data.auth;
    if (!auth)
      return { ok: false, error: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue' } };
    try {
      return { ok: true, data: await work(auth) };
    } catch (error) {
      if (error instanceof DomainException) {
        return { ok: false, error: { statusCode: error.status, code: error.code, message: error.message } };
      }
      if (error instanceof BadSocketInput) {
        return { ok: false, error: { statusCode: 400, code: 'VALIDATION_FAILED', message: error.message } };
      }
      this.logger.error({ err: error }, 'A chat socket event failed');
      return { ok: false, error: { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong' } };
    }
  }
}

class BadSocketInput extends Error {}
