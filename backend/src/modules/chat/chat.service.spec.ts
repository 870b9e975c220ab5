import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { BookingsService } from '@app/modules/bookings/bookings.service';
import { SettingsService } from '@app/modules/settings/settings.service';
import { UsersService } from '@app/modules/users/users.service';
import { ChatAssignment } from './chat-assignment.service';
import { ChatNotifier } from './chat-notifier';
import { ChatTicketPort } from './chat-ticket.port';
import { ChatErrorCode } from './chat.exception';
import { ChatRepository } from './chat.repository';
import { ChatService } from './chat.service';
import { ChatSessionAction } from './dto/chat-requests.dto';
import { ChatSession, ChatSessionState } from './entities/chat-session.entity';

const auth = (userId: string, role: Role): AuthContext => ({
  userId,
  role,
  sessionId: 's',
  email: `${userId}@example.com`,
});

describe(ChatService.name, () => {
  let session: ChatSession;
  let chats: Record<string, jest.Mock>;
  let tickets: { createFromChat: jest.Mock; recentTicketsOf: jest.Mock };
  let notifier: { messages: jest.Mock; sessionChanged: jest.Mock };
  let service: ChatService;
  const manager = { update: jest.fn() } as unknown as EntityManager;

  beforeEach(() => {
    session = Object.assign(new ChatSession(), {
      id: 'chat-1',
      requesterId: 'parent-1',
      agentId: 'agent-1',
      state: ChatSessionState.Active,
      queuedAt: new Date(),
      closedAt: null,
      leftMessage: false,
      rating: null,
    });
    chats = {
      findSession: jest.fn(async () => session),
      insertMessage: jest.fn(),
      updateSession: jest.fn(),
      insertEvent: jest.fn(),
    };
    tickets = { createFromChat: jest.fn(), recentTicketsOf: jest.fn(async () => []) };
    notifier = { messages: jest.fn(), sessionChanged: jest.fn() };
    const dataSource = { transaction: jest.fn((work: (m: EntityManager) => unknown) => work(manager)) };
    service = new ChatService(
      dataSource as unknown as DataSource,
      chats as unknown as ChatRepository,
      { findManyByIds: jest.fn(async () => []) } as unknown as UsersService,
      { get: jest.fn(async () => 5) } as unknown as SettingsService,
      { drainQueue: jest.fn() } as unknown as ChatAssignment,
      notifier as unknown as ChatNotifier,
      tickets as unknown as ChatTicketPort,
      { openBookingCounts: jest.fn() } as unknown as BookingsService,
    );
  });

  describe('requireSessionAccess', () => {
    it('lets the requester, the assigned agent and admins in', async () => {
      for (const who of [auth('parent-1', Role.Parent), auth('agent-1', Role.SupportAgent), auth('x', Role.Admin)]) {
        await expect(service.requireSessionAccess(who, 'chat-1')).resolves.toBe(session);
      }
    });

    it('answers 404 to another parent and to an agent not in the chat', async () => {
      for (const who of [auth('parent-2', Role.Parent), auth('agent-2', Role.SupportAgent)]) {
        await expect(service.requireSessionAccess(who, 'chat-1')).rejects.toMatchObject({
          code: ChatErrorCode.NotFound,
        });
      }
    });
  });

  describe('send', () => {
    it('refuses a closed chat with CHAT_SESSION_CLOSED and writes nothing', async () => {
      session.state = ChatSessionState.Closed;
      await expect(
        service.send(auth('parent-1', Role.Parent), { sessionId: 'chat-1', text: 'Hi' }),
      ).rejects.toMatchObject({
        code: ChatErrorCode.Closed,
        status: 409,
      });
      expect(chats.insertMessage).not.toHaveBeenCalled();
      expect(chats.updateSession).not.toHaveBeenCalled();
      expect(notifier.messages).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('refuses to rate a chat still in progress and writes nothing', async () => {
      await expect(
        service.update(auth('parent-1', Role.Parent), 'chat-1', { action: ChatSessionAction.Rate, rating: 5 }),
      ).rejects.toMatchObject({ code: ChatErrorCode.InvalidState });
      expect(chats.updateSession).not.toHaveBeenCalled();
      expect(chats.insertEvent).not.toHaveBeenCalled();
    });

    it('lets only the requester reopen, and not after 24 hours', async () => {
      session.state = ChatSessionState.Closed;
      session.closedAt = new Date(Date.now() - 25 * 3600_000);
      await expect(
        service.update(auth('agent-1', Role.SupportAgent), 'chat-1', { action: ChatSessionAction.Reopen }),
      ).rejects.toMatchObject({ code: ChatErrorCode.InvalidState });
      await expect(
        service.update(auth('parent-1', Role.Parent), 'chat-1', { action: ChatSessionAction.Reopen }),
      ).rejects.toMatchObject({ code: ChatErrorCode.ReopenExpired });
      expect(chats.updateSession).not.toHaveBeenCalled();
    });

    it('leaves a message only while waiting, and asks support for no ticket otherwise', async () => {
      await expect(
        service.update(auth('parent-1', Role.Parent), 'chat-1', {
          action: ChatSessionAction.LeaveMessage,
          message: 'Call me',
        }),
      ).rejects.toMatchObject({ code: ChatErrorCode.InvalidState });
      expect(tickets.createFromChat).not.toHaveBeenCalled();
    });
  });
});
