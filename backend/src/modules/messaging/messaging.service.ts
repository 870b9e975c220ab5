import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, PageQuery, toPage } from '@app/common/pagination/page';
import { AuditService } from '@app/modules/audit/audit.service';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { NewNotification, NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { UsersService } from '@app/modules/users/users.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { EntitlementsService } from '@app/modules/subscriptions/entitlements/entitlements.service';
import { entitlementRequired } from '@app/modules/subscriptions/entitlements/requires-entitlement';
import {
  AdminConversationsQuery,
  AdminSearchQuery,
  AdminThreadQuery,
  SendMessageDto,
  ThreadQuery,
} from './dto/messaging.dto';
import {
  AdminConversationResponse,
  AdminMessageResponse,
  AdminThreadResponse,
  BlockStateResponse,
  ConversationPageResponse,
  SentMessageResponse,
  ThreadResponse,
  toAdminConversation,
  toAdminMessage,
  toConversationSummary,
  toMessageResponse,
} from './dto/messaging.response';
import { BookingRelationshipPort } from './booking-relationship.port';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import { decodeCursor, encodeCursor } from './message-cursor';
import { conversationNotFound, MessagingErrorCode, MessagingException } from './messaging.exception';
import { ConversationSide, MessagingRepository, PersonSummary } from './messaging.repository';
import { isUniqueViolation } from '@app/database/unique-violation';
import { RESPONSE_WINDOW_DAYS, ResponseStats, responseStats } from './response-times';

export const AUDIT_CONVERSATION_READ = 'messages.conversation.read';
export const AUDIT_MESSAGES_SEARCH = 'messages.search';
/** The in-app notification type of a new message (the bell's icon and filter). */
export const MESSAGE_NOTIFICATION_TYPE = 'message';
const NOTIFICATION_PREVIEW_LENGTH = 140;

const sideOf = (auth: AuthContext): ConversationSide | undefined =>
  auth.role === Role.Parent ? 'parent' : auth.role === Role.Childminder ? 'childminder' : undefined;

/**
 * Conversations between parents and childminders: the only writer of conversations and
 * messages. Who may write to whom is decided here (starting a conversation needs the
 * `conversations.start` entitlement); the recipient's bell entry is written with the message,
 * and delivery goes through RealtimeService after each change commits.
 */
@Injectable()
export class MessagingService {
  private readonly logger = new Logger(MessagingService.name);

  constructor(
    private readonly repository: MessagingRepository,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    private readonly feed: NotificationsFeedService,
    private readonly preferences: NotificationPreferencesService,
    private readonly entitlements: EntitlementsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingRelationshipPort,
    private readonly users: UsersService,
  ) {}

  /** Names, addresses and roles of the people behind `ids` (the users module answers). */
  private async people(ids: readonly string[]): Promise<Map<string, PersonSummary>> {
    const users = await this.users.findManyByIds(ids);
    return new Map(users.map((u) => [u.id, { id: u.id, name: u.displayName, email: u.email, role: u.role }]));
  }

  /**
   * The conversation behind `id` if `auth` takes part in it; otherwise the same 404 as for an
   * id that does not exist. Every participant method that takes a conversation id starts here.
   */
  async requireConversationAccess(auth: AuthContext, id: string): Promise<Conversation> {
    const conversation = await this.repository.findConversation(id);
    const side = sideOf(auth);
    const mine =
      conversation &&
      ((side === 'parent' && conversation.parentId === auth.userId) ||
        (side === 'childminder' && conversation.childminderId === auth.userId));
    if (!conversation || !mine) throw conversationNotFound();
    return conversation;
  }

  /** Unread messages across all of a user's conversations (badges, dashboard stats). */
  countUnread(userId: string): Promise<number> {
    return this.repository.countUnread(userId);
  }

  async list(auth: AuthContext, query: PageQuery): Promise<ConversationPageResponse> {
    const [conversations, total] = await this.repository.pageConversationsFor(auth.userId, sideOf(auth)!, {
      skip: query.skip,
      take: query.pageSize,
    });
    const ids = conversations.map((c) => c.id);
    const [people, latest, unread, unreadTotal] = await Promise.all([
      this.people(conversations.flatMap((c) => [c.parentId, c.childminderId])),
      this.repository.latestMessages(ids),
      this.repository.unreadCounts(auth.userId, ids),
      this.repository.countUnread(auth.userId),
    ]);
    return {
      ...toPage(
        conversations.map((c) =>
          toConversationSummary(c, auth.userId, people, latest.get(c.id), unread.get(c.id) ?? 0),
        ),
        total,
        query,
      ),
      unreadTotal,
    };
  }

  /** A page of a thread, newest first. Opening it (the first page) marks it read up to its newest message. */
  async thread(auth: AuthContext, query: ThreadQuery): Promise<ThreadResponse> {
    const conversation = await this.requireConversationAccess(auth, query.conversationId);
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.repository.pageMessages(conversation.id, cursor, query.limit);
    const items = rows.slice(0, query.limit);
    const newest = items[0];
    if (!cursor && newest) await this.markRead(auth, conversation, newest);
    // The bell's entries for this conversation are answered by opening it.
    if (!cursor) await this.feed.markReadAbout(auth.userId, conversation.id);
    const [people, latest, unread] = await Promise.all([
      this.people([conversation.parentId, conversation.childminderId]),
      this.repository.latestMessages([conversation.id]),
      this.repository.unreadCounts(auth.userId, [conversation.id]),
    ]);
    const last = items[items.length - 1];
    return {
      conversation: toConversationSummary(
        conversation,
        auth.userId,
        people,
        latest.get(conversation.id),
        unread.get(conversation.id) ?? 0,
      ),
      items: items.map(toMessageResponse),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  async send(auth: AuthContext, dto: SendMessageDto): Promise<SentMessageResponse> {
    if (Boolean(dto.recipientId) === Boolean(dto.conversationId)) {
      const message = 'Give either recipientId (to start or continue a conversation) or conversationId, not both';
      throw new MessagingException(MessagingErrorCode.TargetRequired, message, [{ field: 'recipientId', message }]);
    }
    let conversation = dto.conversationId
      ? await this.requireConversationAccess(auth, dto.conversationId)
      : await this.conversationWith(auth, dto.recipientId!);
    if (conversation.blockedById) throw blockedError(auth, conversation);

    const message = Object.assign(new Message(), {
      conversationId: conversation.id,
      senderId: auth.userId,
      text: dto.text,
      createdAt: new Date(),
    });
    const side = sideOf(auth)!;
    const recipientId = side === 'parent' ? conversation.childminderId : conversation.parentId;
    const [sender, notifyInApp] = await Promise.all([
      this.people([auth.userId]).then((people) => people.get(auth.userId)),
      this.preferences.allows(recipientId, NotificationType.Messages, NotificationChannel.InApp),
    ]);
    let notification: Notification | undefined;
    await this.dataSource.transaction(async (manager) => {
      // Re-read inside the transaction so a block that just landed wins over this send.
      const current = await this.repository.findConversationForUpdate(conversation.id, manager);
      if (!current) throw conversationNotFound();
      if (current.blockedById) throw blockedError(auth, current);
      await this.repository.insertMessage(message, manager);
      const changes: Partial<Conversation> = {
        lastMessageAt: message.createdAt,
        [side === 'parent' ? 'parentLastReadAt' : 'childminderLastReadAt']: message.createdAt,
        ...firstContactChanges(current, side, message.createdAt),
      };
      await this.repository.updateConversation(current.id, changes, manager);
      conversation = Object.assign(current, changes);
      if (notifyInApp) {
        notification = await this.feed.create(recipientId, newMessageNotification(side, sender, message), manager);
      }
    });

    await this.publishSafely([conversation.parentId, conversation.childminderId], {
      type: 'message.created',
      data: { conversationId: conversation.id, message: toMessageResponse(message) },
    });
    // Never throws: the stored notification shows in the bell on the next load if the push fails.
    if (notification) await this.feed.announce(notification);
    const [people, unread] = await Promise.all([
      this.people([conversation.parentId, conversation.childminderId]),
      this.repository.unreadCounts(auth.userId, [conversation.id]),
    ]);
    return {
      message: toMessageResponse(message),
      conversation: toConversationSummary(conversation, auth.userId, people, message, unread.get(conversation.id) ?? 0),
    };
  }

  async block(auth: AuthContext, conversationId: string): Promise<BlockStateResponse> {
    const conversation = await this.requireConversationAccess(auth, conversationId);
    if (!conversation.blockedById) {
      const at = new Date();
      await this.repository.updateConversation(conversation.id, { blockedById: auth.userId, blockedAt: at });
      conversation.blockedById = auth.userId;
    }
    return blockState(auth, conversation);
  }

  async unblock(auth: AuthContext, conversationId: string): Promise<BlockStateResponse> {
    const conversation = await this.requireConversationAccess(auth, conversationId);
    if (conversation.blockedById && conversation.blockedById !== auth.userId) {
      throw new MessagingException(
        MessagingErrorCode.NotBlocker,
        'The other person blocked this conversation; only they can unblock it',
      );
    }
    if (conversation.blockedById) {
      await this.repository.updateConversation(conversation.id, { blockedById: null, blockedAt: null });
      conversation.blockedById = null;
    }
    return blockState(auth, conversation);
  }

  // ---- Admin ----

  /**
   * How readily each of these childminders answers parents who write first (response-times.ts),
   * for recommendations and profiles. Childminders nobody wrote to are absent from the map.
   */
  async responseStatsFor(childminderIds: readonly string[], now = new Date()): Promise<Map<string, ResponseStats>> {
    const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * 24 * 3600_000);
    const contacts = await this.repository.firstContactsSince(childminderIds, since);
    const stats = new Map<string, ResponseStats>();
    for (const [childminderId, rows] of contacts) stats.set(childminderId, responseStats(rows, now));
    return stats;
  }

  async adminList(query: AdminConversationsQuery): Promise<Page<AdminConversationResponse>> {
    const [rows, total] = await this.repository.pageConversationsForAdmin(
      { userId: query.userId, from: query.from, to: query.to },
      { skip: query.skip, take: query.pageSize },
    );
    const people = await this.people(rows.flatMap((r) => [r.conversation.parentId, r.conversation.childminderId]));
    return toPage(
      rows.map((r) => toAdminConversation(r.conversation, people, r.messageCount)),
      total,
      query,
    );
  }

  /** An admin reads a private conversation: written to the audit log before anything is returned. */
  async adminThread(auth: AuthContext, query: AdminThreadQuery, meta: RequestMeta): Promise<AdminThreadResponse> {
    const conversation = await this.repository.findConversation(query.conversationId);
    if (!conversation) throw conversationNotFound();
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    await this.audit.record(auth, {
      action: AUDIT_CONVERSATION_READ,
      subjectType: 'conversation',
      subjectId: conversation.id,
      ownerId: conversation.parentId,
      metadata: {
        parentId: conversation.parentId,
        childminderId: conversation.childminderId,
        cursor: query.cursor ?? null,
      },
      ip: meta.ip,
    });
    const [rows, people, messageCount] = await Promise.all([
      this.repository.pageMessages(conversation.id, cursor, query.limit),
      this.people([conversation.parentId, conversation.childminderId]),
      this.repository.countMessages(conversation.id),
    ]);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      conversation: toAdminConversation(conversation, people, messageCount),
      items: items.map((m) => toAdminMessage(m, people)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** Full-text search of message text for admins; every search is audited with its terms. */
  async adminSearch(
    auth: AuthContext,
    query: AdminSearchQuery,
    meta: RequestMeta,
  ): Promise<Page<AdminMessageResponse>> {
    const words = searchWords(query.q);
    if (words.length === 0) {
      const message = 'Search for at least one word of 3 or more letters or digits';
      throw new MessagingException(MessagingErrorCode.SearchTooShort, message, [{ field: 'q', message }]);
    }
    await this.audit.record(auth, {
      action: AUDIT_MESSAGES_SEARCH,
      subjectType: 'messages',
      metadata: { q: query.q },
      ip: meta.ip,
    });
    const [messages, total] = await this.repository.search(words, { skip: query.skip, take: query.pageSize });
    const people = await this.people(messages.map((m) => m.senderId));
    return toPage(
      messages.map((m) => toAdminMessage(m, people)),
      total,
      query,
    );
  }

  // ---- helpers ----

  /**
   * The conversation a send with `recipientId` goes into. A parent may start one with any active
   * childminder; a childminder may only continue one a parent started (bookings will widen this).
   */
  private async conversationWith(auth: AuthContext, recipientId: string): Promise<Conversation> {
    if (sideOf(auth) === 'childminder') {
      const existing = await this.repository.findConversationByPair(recipientId, auth.userId);
      if (existing) return existing;
      const parent = await this.users.findActiveWithRole(recipientId, Role.Parent);
      if (!parent || !(await this.bookings.haveConfirmedBooking(parent.id, auth.userId))) {
        throw new MessagingException(
          MessagingErrorCode.CannotStartConversation,
          'Childminders can message parents who have contacted them first or have a confirmed booking with them',
        );
      }
      return this.startConversation(parent.id, auth.userId);
    }
    const childminder = await this.users.findActiveWithRole(recipientId, Role.Childminder);
    if (!childminder) throw new MessagingException(MessagingErrorCode.RecipientNotFound, 'Childminder not found');
    const existing = await this.repository.findConversationByPair(auth.userId, childminder.id);
    if (existing) return existing;
    // Starting a conversation is a paid feature; replying in one never is.
    if (!(await this.entitlements.has(auth.userId, auth.role, 'conversations.start'))) {
      throw entitlementRequired('conversations.start', auth.role);
    }
    return this.startConversation(auth.userId, childminder.id);
  }

  /** Creates the pair's conversation, or returns the one a concurrent first message created. */
  private async startConversation(parentId: string, childminderId: string): Promise<Conversation> {
    const created = Object.assign(new Conversation(), {
      parentId,
      childminderId,
      lastMessageAt: null,
      parentLastReadAt: null,
      childminderLastReadAt: null,
      parentDigestedUpTo: null,
      childminderDigestedUpTo: null,
      blockedById: null,
      blockedAt: null,
      parentAskedAt: null,
      childminderAnsweredAt: null,
      createdAt: new Date(),
    });
    try {
      await this.repository.insertConversation(created);
      return created;
    } catch (error) {
      // Two first messages raced: the other request created the pair's conversation.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.repository.findConversationByPair(parentId, childminderId);
      if (!winner) throw error;
      return winner;
    }
  }

  private async markRead(auth: AuthContext, conversation: Conversation, newest: Message): Promise<void> {
    const side = sideOf(auth)!;
    const moved = await this.repository.advanceReadMark(conversation.id, side, newest.createdAt);
    if (!moved) return;
    if (side === 'parent') conversation.parentLastReadAt = newest.createdAt;
    else conversation.childminderLastReadAt = newest.createdAt;
    await this.publishSafely([conversation.parentId, conversation.childminderId], {
      type: 'conversation.read',
      data: { conversationId: conversation.id, readerId: auth.userId, readUpTo: newest.createdAt.toISOString() },
    });
  }

  /** The change has committed; a failed push must not turn it into an error (clients replay on reconnect). */
  private async publishSafely(userIds: string[], event: Parameters<RealtimeService['publish']>[1]): Promise<void> {
    try {
      await this.realtime.publish(userIds, event);
    } catch (error) {
      this.logger.warn(`Realtime publish failed: ${(error as Error).message}`);
    }
  }
}

/** The bell entry for the recipient of `message`, linking to the conversation with its sender. */
function newMessageNotification(
  senderSide: ConversationSide,
  sender: PersonSummary | undefined,
  message: Message,
): NewNotification {
  const name = sender?.name ?? (senderSide === 'parent' ? 'A parent' : 'Your childminder');
  const recipientArea = senderSide === 'parent' ? 'childminder' : 'parent';
  const text = message.text.replace(/\s+/g, ' ').trim();
  const query = new URLSearchParams({ to: message.senderId, name });
  return {
    type: MESSAGE_NOTIFICATION_TYPE,
    title: `New message from ${name}`,
    body: text.length > NOTIFICATION_PREVIEW_LENGTH ? `${text.slice(0, NOTIFICATION_PREVIEW_LENGTH - 1)}…` : text,
    link: `/${recipientArea}/messages?${query.toString()}`,
    subjectId: message.conversationId,
  };
}

function blockedError(auth: AuthContext, conversation: Conversation): MessagingException {
  return new MessagingException(
    MessagingErrorCode.Blocked,
    conversation.blockedById === auth.userId
      ? 'You blocked this conversation. Unblock it to send messages.'
      : 'This conversation has been blocked. You cannot send messages in it.',
  );
}

function blockState(auth: AuthContext, conversation: Conversation): BlockStateResponse {
  return {
    conversationId: conversation.id,
    blocked: conversation.blockedById !== null,
    blockedByMe: conversation.blockedById === auth.userId,
  };
}

/** Words of 3+ letters or digits (shorter ones are not indexed by MariaDB's FULLTEXT), at most 8. */
export function searchWords(q: string): string[] {
  return [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3))].slice(0, 8);
}

/**
 * The first-contact marks a message sets: a parent's message into a conversation with no messages
 * yet is a question asked; the childminder's first message after it is the answer.
 */
export function firstContactChanges(
  conversation: Pick<Conversation, 'lastMessageAt' | 'parentAskedAt' | 'childminderAnsweredAt'>,
  side: ConversationSide,
  at: Date,
): Partial<Conversation> {
  if (side === 'parent') return conversation.lastMessageAt === null ? { parentAskedAt: at } : {};
  return conversation.parentAskedAt && !conversation.childminderAnsweredAt ? { childminderAnsweredAt: at } : {};
}
