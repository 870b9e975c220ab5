import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { ADMIN_ROLES, STAFF_ROLES } from '@app/common/auth/role';
import { Page, toPage } from '@app/common/pagination/page';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { SettingsService } from '@app/modules/settings/settings.service';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ChatAssignment } from './chat-assignment.service';
import { ChatNotifier } from './chat-notifier';
import { withinReopenWindow } from './chat-rules';
import { ChatTicketPort } from './chat-ticket.port';
import { chatClosed, ChatErrorCode, ChatException, chatSessionNotFound } from './chat.exception';
import { ChatRepository } from './chat.repository';
import {
  ChatSessionAction,
  CreateChatSessionDto,
  ListChatMessagesQuery,
  ListChatSessionsQuery,
  SendChatMessageDto,
  TransferChatDto,
  UpdateChatSessionDto,
} from './dto/chat-requests.dto';
import {
  ChatMessageResponse,
  ChatMessagesResponse,
  ChatNotificationsResponse,
  ChatSessionDetailResponse,
  ChatSessionResponse,
  toChatEventResponse,
  toChatMessageResponse,
  toChatSessionResponse,
} from './dto/chat.response';
import { ChatSender } from './entities/chat-message.entity';
import { ChatEventType } from './entities/chat-session-event.entity';
import { ChatSession, ChatSessionState } from './entities/chat-session.entity';

const isAdmin = (auth: AuthContext) => ADMIN_ROLES.includes(auth.role);
const isStaff = (auth: AuthContext) => STAFF_ROLES.includes(auth.role);
const NOTIFICATION_LIST_LIMIT = 50;
const RECENT_TICKETS = 3;

/**
 * Live chat sessions and their messages. REST and the socket gateway both call this service,
 * so a message is stored, counted and delivered the same way whichever way it came.
 */
@Injectable()
export class ChatService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chats: ChatRepository,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
    private readonly assignment: ChatAssignment,
    private readonly notifier: ChatNotifier,
    private readonly tickets: ChatTicketPort,
    private readonly bookings: BookingsService,
  ) {}

  /** The session if `auth` is its requester, its assigned agent or an admin; otherwise 404. */
  async requireSessionAccess(auth: AuthContext, sessionId: string): Promise<ChatSession> {
    const session = await this.chats.findSession(sessionId);
    if (!session) throw chatSessionNotFound();
    if (session.requesterId === auth.userId || session.agentId === auth.userId || isAdmin(auth)) return session;
    throw chatSessionNotFound();
  }

  async create(auth: AuthContext, dto: CreateChatSessionDto): Promise<ChatSessionDetailResponse> {
    const open = await this.chats.findOpenForRequester(auth.userId);
    if (open) {
      if (dto.message) await this.send(auth, { sessionId: open.id, text: dto.message });
      return this.get(auth, open.id);
    }
    const now = new Date();
    const session = Object.assign(new ChatSession(), {
      requesterId: auth.userId,
      agentId: null,
      state: ChatSessionState.Waiting,
      queuedAt: now,
      closedAt: null,
      lastMessageAt: now,
      leftMessage: false,
      ticketNumber: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      requesterReadUpTo: 0,
      agentReadUpTo: 0,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.chats.insertSession(session, manager);
      await this.chats.insertEvent(
        {
          sessionId: session.id,
          type: ChatEventType.Created,
          actorId: auth.userId,
          fromAgentId: null,
          toAgentId: null,
          note: null,
          createdAt: now,
        },
        manager,
      );
      await this.chats.insertMessage(
        {
          sessionId: session.id,
          sender: ChatSender.System,
          senderId: null,
          text: 'Thanks for getting in touch. An adviser will join you shortly.',
          createdAt: now,
        },
        manager,
      );
      if (dto.message) {
        await this.chats.insertMessage(
          {
            sessionId: session.id,
            sender: ChatSender.Requester,
            senderId: auth.userId,
            text: dto.message,
            createdAt: new Date(now.getTime() + 1),
          },
          manager,
        );
      }
    });
    await this.notifier.sessionChanged(session, 'queued');
    await this.assignment.drainQueue();
    return this.get(auth, session.id);
  }

  async list(auth: AuthContext, query: ListChatSessionsQuery): Promise<Page<ChatSessionResponse>> {
    const filter = !isStaff(auth)
      ? { requesterId: auth.userId, state: query.state }
      : isAdmin(auth) && !query.mine
        ? { state: query.state }
        : { agentId: auth.userId, orWaiting: !query.state, state: query.state };
    const [sessions, total] = await this.chats.pageSessions(filter, query.skip, query.pageSize);
    return toPage(await this.views(auth, sessions), total, query);
  }

  async get(auth: AuthContext, sessionId: string): Promise<ChatSessionDetailResponse> {
    return this.detail(auth, await this.requireSessionAccess(auth, sessionId));
  }

  /** The detail of a session `auth` has been allowed to act on. */
  private async detail(auth: AuthContext, session: ChatSession): Promise<ChatSessionDetailResponse> {
    const [view] = await this.views(auth, [session]);
    const events = await this.chats.eventsOf(session.id);
    const detail: ChatSessionDetailResponse = { ...view!, events: events.map(toChatEventResponse) };
    if (isStaff(auth) && session.requesterId !== auth.userId) {
      const [requester] = await this.users.findManyByIds([session.requesterId]);
      if (requester) {
        const [[, chatsSoFar], bookings, tickets] = await Promise.all([
          this.chats.pageSessions({ requesterId: requester.id }, 0, 1),
          this.bookings.openBookingCounts(requester.id, requester.role),
          this.tickets.recentTicketsOf(requester.id, RECENT_TICKETS),
        ]);
        detail.requesterContext = {
          role: requester.role,
          fullName: requester.displayName,
          email: requester.email,
          memberSince: requester.createdAt.toISOString(),
          previousChats: Math.max(0, chatsSoFar - 1),
          pendingBookings: bookings.pending,
          upcomingBookings: bookings.upcoming,
          recentTickets: tickets.map((ticket) => ({ ...ticket, createdAt: ticket.createdAt.toISOString() })),
        };
      }
    }
    return detail;
  }

  async update(auth: AuthContext, sessionId: string, dto: UpdateChatSessionDto): Promise<ChatSessionDetailResponse> {
    const session = await this.requireSessionAccess(auth, sessionId);
    const isRequester = session.requesterId === auth.userId;
    switch (dto.action) {
      case ChatSessionAction.Close:
        await this.close(auth, session);
        break;
      case ChatSessionAction.Reopen:
        if (!isRequester)
          throw new ChatException(ChatErrorCode.InvalidState, 'Only the person who started a chat can reopen it');
        await this.reopen(auth, session);
        break;
      case ChatSessionAction.LeaveMessage:
        if (!isRequester)
          throw new ChatException(ChatErrorCode.InvalidState, 'Only the person who started a chat can leave a message');
        await this.leaveMessage(auth, session, dto.message);
        break;
      case ChatSessionAction.Rate:
        if (!isRequester)
          throw new ChatException(ChatErrorCode.InvalidState, 'Only the person who started a chat can rate it');
        await this.rate(auth, session, dto);
        break;
    }
    return this.get(auth, sessionId);
  }

  async messages(auth: AuthContext, query: ListChatMessagesQuery): Promise<ChatMessagesResponse> {
    const session = await this.requireSessionAccess(auth, query.sessionId);
    const messages = await this.chats.messagesAfter(session.id, query.after, query.limit);
    const people = await this.peopleOf(messages.map((m) => m.senderId));
    return { items: messages.map((message) => toChatMessageResponse(message, people)) };
  }

  /** A message from the requester or the chat's agent (or an admin), by REST or over the socket. */
  async send(auth: AuthContext, dto: SendChatMessageDto): Promise<ChatMessageResponse> {
    const session = await this.requireSessionAccess(auth, dto.sessionId);
    const isRequester = session.requesterId === auth.userId;
    const message = await this.dataSource.transaction(async (manager) => {
      // Re-read in the transaction: a close that just landed wins over this send.
      const current = await this.chats.findSession(session.id, manager);
      if (!current || current.state === ChatSessionState.Closed) throw chatClosed();
      const now = new Date();
      const row = await this.chats.insertMessage(
        {
          sessionId: session.id,
          sender: isRequester ? ChatSender.Requester : ChatSender.Agent,
          senderId: auth.userId,
          text: dto.text,
          createdAt: now,
        },
        manager,
      );
      const readMark = isRequester ? { requesterReadUpTo: Number(row.id) } : { agentReadUpTo: Number(row.id) };
      await this.chats.updateSession(session.id, { lastMessageAt: now, ...readMark }, manager);
      return row;
    });
    const people = await this.peopleOf([auth.userId]);
    await this.notifier.messages(session, [message], people);
    return toChatMessageResponse(message, people);
  }

  /** Marks messages up to `upTo` as read by the caller's side; returns whether the mark moved. */
  async markRead(auth: AuthContext, sessionId: string, upTo: number): Promise<ChatSession | null> {
    const session = await this.requireSessionAccess(auth, sessionId);
    if (session.requesterId === auth.userId) {
      if (upTo <= session.requesterReadUpTo) return null;
      await this.chats.updateSession(session.id, { requesterReadUpTo: upTo });
    } else {
      if (upTo <= session.agentReadUpTo) return null;
      await this.chats.updateSession(session.id, { agentReadUpTo: upTo });
    }
    return session;
  }

  async notifications(auth: AuthContext): Promise<ChatNotificationsResponse> {
    const [waiting, unread, queue] = await Promise.all([
      this.chats.countWaiting(),
      this.chats.unreadForAgent(auth.userId),
      this.chats.oldestWaiting(NOTIFICATION_LIST_LIMIT),
    ]);
    const unreadSessions = (await Promise.all(unread.map((entry) => this.chats.findSession(entry.sessionId)))).filter(
      (s): s is ChatSession => !!s,
    );
    return {
      waiting,
      unread: unread.reduce((sum, entry) => sum + entry.unread, 0),
      sessions: await this.views(auth, [...queue, ...unreadSessions]),
    };
  }

  async transfer(auth: AuthContext, dto: TransferChatDto): Promise<ChatSessionDetailResponse> {
    const session = await this.requireSessionAccess(auth, dto.sessionId);
    if (session.agentId !== auth.userId && !isAdmin(auth)) {
      throw new ChatException(ChatErrorCode.NotAssigned, 'Only the agent in the chat (or an admin) can transfer it');
    }
    await this.assignment.transfer(session, dto.agentId, auth.userId, dto.note ?? null);
    // The previous agent may no longer read the chat; the answer still tells them where it went.
    const moved = await this.chats.findSession(session.id);
    if (!moved) throw chatSessionNotFound();
    return this.detail(auth, moved);
  }

  private async close(auth: AuthContext, session: ChatSession): Promise<void> {
    if (session.state === ChatSessionState.Closed) return;
    const now = new Date();
    const closedBy = session.requesterId === auth.userId ? 'You ended the chat.' : 'The adviser ended the chat.';
    await this.dataSource.transaction(async (manager) => {
      await this.chats.updateSession(
        session.id,
        { state: ChatSessionState.Closed, closedAt: now, lastMessageAt: now },
        manager,
      );
      await this.event(session.id, ChatEventType.Closed, auth.userId, now, manager);
      await this.chats.insertMessage(
        { sessionId: session.id, sender: ChatSender.System, senderId: null, text: closedBy, createdAt: now },
        manager,
      );
    });
    await this.notifier.sessionChanged(Object.assign(session, { state: ChatSessionState.Closed }), 'closed');
    // The agent has room again.
    if (session.agentId) await this.assignment.drainQueue();
  }

  private async reopen(auth: AuthContext, session: ChatSession): Promise<void> {
    if (session.state !== ChatSessionState.Closed || session.leftMessage) {
      throw new ChatException(ChatErrorCode.InvalidState, 'Only a closed chat can be reopened');
    }
    const now = new Date();
    if (!withinReopenWindow(session.closedAt, now)) {
      throw new ChatException(ChatErrorCode.ReopenExpired, 'This chat closed more than 24 hours ago: start a new one');
    }
    if (await this.chats.findOpenForRequester(auth.userId)) {
      throw new ChatException(ChatErrorCode.InvalidState, 'You already have a chat open');
    }
    const previousAgent = session.agentId;
    await this.dataSource.transaction(async (manager) => {
      // Back to the queue: a reopened chat, like any other, goes only to an available agent.
      await this.chats.updateSession(
        session.id,
        {
          state: ChatSessionState.Waiting,
          agentId: null,
          queuedAt: now,
          closedAt: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
        },
        manager,
      );
      await this.event(session.id, ChatEventType.Reopened, auth.userId, now, manager);
      await this.chats.insertMessage(
        {
          sessionId: session.id,
          sender: ChatSender.System,
          senderId: null,
          text: 'You reopened the chat. An adviser will join you shortly.',
          createdAt: now,
        },
        manager,
      );
    });
    const reopened = Object.assign(session, { state: ChatSessionState.Waiting, agentId: null, queuedAt: now });
    await this.notifier.sessionChanged(reopened, 'queued');
    // The agent who had it before gets it back if available with room; otherwise the usual order.
    const [head] = await this.chats.oldestWaiting(1);
    if (head?.id === session.id) await this.assignment.assign(reopened, previousAgent);
    await this.assignment.drainQueue();
  }

  private async leaveMessage(auth: AuthContext, session: ChatSession, message: string | undefined): Promise<void> {
    if (!message) throw new ChatException(ChatErrorCode.InvalidState, 'Write the message you want to leave');
    if (session.state !== ChatSessionState.Waiting) {
      throw new ChatException(ChatErrorCode.InvalidState, 'A message can be left only while waiting for an adviser');
    }
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      // Compare-and-set against a concurrent assignment: if an agent just joined, the chat goes on.
      const result = await manager.update(
        ChatSession,
        { id: session.id, state: ChatSessionState.Waiting },
        { state: ChatSessionState.Closed, closedAt: now, leftMessage: true, lastMessageAt: now },
      );
      if (!result.affected) throw new ChatException(ChatErrorCode.InvalidState, 'An adviser has just joined the chat');
      await this.chats.insertMessage(
        { sessionId: session.id, sender: ChatSender.Requester, senderId: auth.userId, text: message, createdAt: now },
        manager,
      );
      await this.event(session.id, ChatEventType.LeftMessage, auth.userId, now, manager);
      const transcript = await this.chats.transcript(session.id, manager);
      const people = await this.peopleOf(
        transcript.map((line) => line.senderId),
        manager,
      );
      const ticket = await this.tickets.createFromChat(
        {
          chatSessionId: session.id,
          requesterId: auth.userId,
          message,
          transcript: transcript.map((line) => ({
            sender: line.sender,
            senderName: line.senderId ? (people.get(line.senderId)?.firstName ?? null) : null,
            text: line.text,
            at: line.createdAt,
          })),
        },
        manager,
      );
      if (ticket) await this.chats.updateSession(session.id, { ticketNumber: ticket.number }, manager);
    });
    await this.notifier.sessionChanged(Object.assign(session, { state: ChatSessionState.Closed }), 'left_message');
  }

  private async rate(auth: AuthContext, session: ChatSession, dto: UpdateChatSessionDto): Promise<void> {
    if (!dto.rating) throw new ChatException(ChatErrorCode.InvalidState, 'Choose a rating from 1 to 5');
    if (session.state !== ChatSessionState.Closed || session.leftMessage) {
      throw new ChatException(ChatErrorCode.InvalidState, 'A chat can be rated once it has ended');
    }
    if (session.rating !== null)
      throw new ChatException(ChatErrorCode.AlreadyRated, 'You have already rated this chat');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await this.chats.updateSession(
        session.id,
        { rating: dto.rating, ratingComment: dto.comment ?? null, ratedAt: now },
        manager,
      );
      await this.event(session.id, ChatEventType.Rated, auth.userId, now, manager);
    });
  }

  private event(sessionId: string, type: ChatEventType, actorId: string, at: Date, manager: EntityManager) {
    return this.chats.insertEvent(
      { sessionId, type, actorId, fromAgentId: null, toAgentId: null, note: null, createdAt: at },
      manager,
    );
  }

  private async peopleOf(ids: readonly (string | null)[], manager?: EntityManager): Promise<Map<string, User>> {
    const users = await this.users.findManyByIds(
      ids.filter((id): id is string => !!id),
      manager,
    );
    return new Map(users.map((user) => [user.id, user]));
  }

  private async views(auth: AuthContext, sessions: readonly ChatSession[]): Promise<ChatSessionResponse[]> {
    if (sessions.length === 0) return [];
    const [latest, people, noAgentMinutes] = await Promise.all([
      this.chats.latestMessages(sessions.map((s) => s.id)),
      this.peopleOf(sessions.flatMap((s) => [s.requesterId, s.agentId])),
      this.settings.get('chat.noAgentMinutes'),
    ]);
    const mine = sessions.filter((s) => s.requesterId === auth.userId);
    const theirs = sessions.filter((s) => s.requesterId !== auth.userId);
    const unread = new Map([
      ...(await this.chats.unreadCounts(mine, 'requester')),
      ...(await this.chats.unreadCounts(theirs, 'agent')),
    ]);
    for (const message of latest.values()) {
      if (message.senderId && !people.has(message.senderId)) {
        for (const [id, user] of await this.peopleOf([message.senderId])) people.set(id, user);
      }
    }
    return sessions.map((session) =>
      toChatSessionResponse({
        session,
        people,
        unread: unread.get(session.id) ?? 0,
        lastMessage: latest.get(session.id) ?? null,
        noAgentMinutes,
      }),
    );
  }
}
