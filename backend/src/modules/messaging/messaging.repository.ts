import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Role } from '@app/common/auth/role';
import { forUpdate } from '@app/database/locking';
import { MessageCursor } from './message-cursor';
import { Conversation } from './entities/conversation.entity';
import { Message } from './entities/message.entity';
import type { FirstContact } from './response-times';

export type ConversationSide = 'parent' | 'childminder';

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface AdminConversationFilter {
  userId?: string;
  from?: Date;
  to?: Date;
}

/** A conversation whose `side` has unread messages no digest has covered yet. */
export interface DigestCandidate {
  conversationId: string;
  recipientId: string;
  senderId: string;
}

export interface DigestWindow {
  /** Older messages are never emailed (a backlog after downtime is not worth an email). */
  since: Date;
  /** The oldest uncovered unread message must be at least this old. */
  dueBefore: Date;
  /** Messages after this instant wait for the next run. */
  until: Date;
}

export interface UnreadForDigest {
  count: number;
  /** The newest few, newest first. */
  newest: Message[];
}

const SIDE_COLUMNS = {
  parent: {
    me: 'parentId',
    other: 'childminderId',
    readAt: 'parentLastReadAt',
    digestedUpTo: 'parentDigestedUpTo',
  },
  childminder: {
    me: 'childminderId',
    other: 'parentId',
    readAt: 'childminderLastReadAt',
    digestedUpTo: 'childminderDigestedUpTo',
  },
} as const;

export interface AdminConversationRow {
  conversation: Conversation;
  messageCount: number;
}

/** Conversations and their messages, by the questions messaging asks. */
@Injectable()
export class MessagingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private conversations(manager?: EntityManager): Repository<Conversation> {
    return (manager ?? this.dataSource.manager).getRepository(Conversation);
  }

  private messages(manager?: EntityManager): Repository<Message> {
    return (manager ?? this.dataSource.manager).getRepository(Message);
  }

  findConversation(id: string, manager?: EntityManager): Promise<Conversation | null> {
    return this.conversations(manager).findOne({ where: { id } });
  }

  /**
   * The conversation row, locked for this transaction: two messages sent at once into one
   * conversation queue here instead of deadlocking (each insert's foreign-key check takes a
   * shared lock on the row that the update then needs exclusively).
   */
  findConversationForUpdate(id: string, manager: EntityManager): Promise<Conversation | null> {
    return this.conversations(manager).findOne({ where: { id }, ...forUpdate(manager) });
  }

  findConversationByPair(
    parentId: string,
    childminderId: string,
    manager?: EntityManager,
  ): Promise<Conversation | null> {
    return this.conversations(manager).findOne({ where: { parentId, childminderId } });
  }

  async insertConversation(conversation: Conversation, manager?: EntityManager): Promise<void> {
    await this.conversations(manager).insert(conversation);
  }

  async updateConversation(id: string, changes: Partial<Conversation>, manager?: EntityManager): Promise<void> {
    await this.conversations(manager).update(id, changes);
  }

  async insertMessage(message: Message, manager?: EntityManager): Promise<void> {
    await this.messages(manager).insert(message);
  }

  /** Each childminder's conversations a parent opened since `since`: when they asked and when she answered. */
  async firstContactsSince(childminderIds: readonly string[], since: Date): Promise<Map<string, FirstContact[]>> {
    const found = new Map<string, FirstContact[]>();
    if (childminderIds.length === 0) return found;
    const rows = await this.conversations()
      .createQueryBuilder('c')
      .select(['c.childminderId', 'c.parentAskedAt', 'c.childminderAnsweredAt'])
      .where('c.childminderId IN (:...ids)', { ids: [...new Set(childminderIds)] })
      .andWhere('c.parentAskedAt >= :since', { since })
      .getMany();
    for (const row of rows) {
      const list = found.get(row.childminderId) ?? [];
      list.push({ askedAt: row.parentAskedAt!, answeredAt: row.childminderAnsweredAt });
      found.set(row.childminderId, list);
    }
    return found;
  }

  /** A user's conversations that have messages, most recent first. */
  pageConversationsFor(
    userId: string,
    side: ConversationSide,
    page: { skip: number; take: number },
  ): Promise<[Conversation[], number]> {
    return this.conversations().findAndCount({
      where: side === 'parent' ? { parentId: userId } : { childminderId: userId },
      order: { lastMessageAt: 'DESC', id: 'DESC' },
      skip: page.skip,
      take: page.take,
    });
  }

  /** The newest message of each conversation. */
  async latestMessages(conversationIds: readonly string[]): Promise<Map<string, Message>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.messages()
      .createQueryBuilder('m')
      .where('m.conversationId IN (:...ids)', { ids: conversationIds })
      .andWhere(
        (qb) =>
          'm.createdAt = ' +
          qb
            .subQuery()
            .select('MAX(latest.createdAt)')
            .from(Message, 'latest')
            .where('latest.conversationId = m.conversationId')
            .getQuery(),
      )
      .orderBy('m.id', 'DESC')
      .getMany();
    const latest = new Map<string, Message>();
    for (const row of rows) if (!latest.has(row.conversationId)) latest.set(row.conversationId, row);
    return latest;
  }

  private unreadQuery(userId: string): SelectQueryBuilder<Message> {
    return this.messages()
      .createQueryBuilder('m')
      .innerJoin(Conversation, 'c', 'c.id = m.conversationId')
      .where('m.senderId <> :me', { me: userId })
      .andWhere(
        new Brackets((either) =>
          either
            .where('c.parentId = :me AND (c.parentLastReadAt IS NULL OR m.createdAt > c.parentLastReadAt)')
            .orWhere(
              'c.childminderId = :me AND (c.childminderLastReadAt IS NULL OR m.createdAt > c.childminderLastReadAt)',
            ),
        ),
      );
  }

  /** Unread messages per conversation for `userId` (messages from the other side after their read mark). */
  async unreadCounts(userId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.unreadQuery(userId)
      .andWhere('m.conversationId IN (:...ids)', { ids: conversationIds })
      .select('m.conversationId', 'conversationId')
      .addSelect('COUNT(*)', 'unread')
      .groupBy('m.conversationId')
      .getRawMany<{ conversationId: string; unread: string | number }>();
    return new Map(rows.map((r) => [r.conversationId, Number(r.unread)]));
  }

  /** All unread messages of `userId`, for badges and dashboard stats. */
  countUnread(userId: string): Promise<number> {
    return this.unreadQuery(userId).getCount();
  }

  countMessages(conversationId: string): Promise<number> {
    return this.messages().count({ where: { conversationId } });
  }

  /** One page of a thread, newest first, strictly older than `cursor`; `limit + 1` rows tell if there is more. */
  pageMessages(conversationId: string, cursor: MessageCursor | undefined, limit: number): Promise<Message[]> {
    const query = this.messages()
      .createQueryBuilder('m')
      .where('m.conversationId = :conversationId', { conversationId });
    if (cursor) {
      query.andWhere(
        new Brackets((older) =>
          older
            .where('m.createdAt < :at', { at: cursor.createdAt })
            .orWhere('m.createdAt = :at AND m.id < :id', { at: cursor.createdAt, id: cursor.id }),
        ),
      );
    }
    return query
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit + 1)
      .getMany();
  }

  /** Moves one side's read mark forward to `at` (never back); true if it moved. */
  async advanceReadMark(conversationId: string, side: ConversationSide, at: Date): Promise<boolean> {
    const column = side === 'parent' ? 'parentLastReadAt' : 'childminderLastReadAt';
    const result = await this.conversations()
      .createQueryBuilder()
      .update(Conversation)
      .set({ [column]: at })
      .where('id = :conversationId', { conversationId })
      .andWhere(`(${column} IS NULL OR ${column} < :at)`, { at })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Conversations, not blocked, where the other side wrote messages that `side` has neither
   * read nor had in a digest, all within `window.since..until`, the oldest of them sent before
   * `window.dueBefore`. Driven by IDX_conversations_last and IDX_messages_conversation_created.
   */
  async findDigestCandidates(side: ConversationSide, window: DigestWindow, limit: number): Promise<DigestCandidate[]> {
    const col = SIDE_COLUMNS[side];
    const rows = await this.messages()
      .createQueryBuilder('m')
      .innerJoin(Conversation, 'c', 'c.id = m.conversationId')
      .select('m.conversationId', 'conversationId')
      .addSelect(`c.${col.me}`, 'recipientId')
      .addSelect(`c.${col.other}`, 'senderId')
      .where('c.lastMessageAt >= :since', { since: window.since })
      .andWhere('c.blockedById IS NULL')
      .andWhere(`m.senderId = c.${col.other}`)
      .andWhere('m.createdAt >= :since AND m.createdAt <= :until', { until: window.until })
      .andWhere(`(c.${col.readAt} IS NULL OR m.createdAt > c.${col.readAt})`)
      .andWhere(`(c.${col.digestedUpTo} IS NULL OR m.createdAt > c.${col.digestedUpTo})`)
      .groupBy('m.conversationId')
      .addGroupBy(`c.${col.me}`)
      .addGroupBy(`c.${col.other}`)
      .having('MIN(m.createdAt) <= :dueBefore', { dueBefore: window.dueBefore })
      .orderBy('MIN(m.createdAt)', 'ASC')
      .limit(limit)
      .getRawMany<DigestCandidate>();
    return rows;
  }

  /** The messages of the other side that `side` has neither read nor had in a digest, up to `until`. */
  async unreadForDigest(
    conversation: Conversation,
    side: ConversationSide,
    until: Date,
    take: number,
    manager?: EntityManager,
  ): Promise<UnreadForDigest> {
    const col = SIDE_COLUMNS[side];
    const floors = [conversation[col.readAt], conversation[col.digestedUpTo]].filter((d): d is Date => d !== null);
    const floor = floors.length ? new Date(Math.max(...floors.map((d) => d.getTime()))) : undefined;
    const query = this.messages(manager)
      .createQueryBuilder('m')
      .where('m.conversationId = :id', { id: conversation.id })
      .andWhere('m.senderId = :sender', { sender: conversation[col.other] })
      .andWhere('m.createdAt <= :until', { until });
    if (floor) query.andWhere('m.createdAt > :floor', { floor });
    const [newest, count] = await query
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(take)
      .getManyAndCount();
    return { count, newest };
  }

  /** Moves one side's digest mark forward to `upTo` (never back); false if another run already did. */
  async advanceDigestMark(
    conversationId: string,
    side: ConversationSide,
    upTo: Date,
    manager?: EntityManager,
  ): Promise<boolean> {
    const column = SIDE_COLUMNS[side].digestedUpTo;
    const result = await this.conversations(manager)
      .createQueryBuilder()
      .update(Conversation)
      .set({ [column]: upTo })
      .where('id = :conversationId', { conversationId })
      .andWhere(`(${column} IS NULL OR ${column} < :upTo)`, { upTo })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Conversations for the admin browser, most recent first, with their message counts. */
  async pageConversationsForAdmin(
    filter: AdminConversationFilter,
    page: { skip: number; take: number },
  ): Promise<[AdminConversationRow[], number]> {
    const query = this.conversations().createQueryBuilder('c');
    if (filter.userId) query.andWhere('(c.parentId = :userId OR c.childminderId = :userId)', { userId: filter.userId });
    if (filter.from || filter.to) {
      // A conversation is in the range when one of its messages is.
      query.andWhere((qb) => {
        const inRange = qb.subQuery().select('1').from(Message, 'r').where('r.conversationId = c.id');
        if (filter.from) inRange.andWhere('r.createdAt >= :from', { from: filter.from });
        if (filter.to) inRange.andWhere('r.createdAt <= :to', { to: filter.to });
        return `EXISTS ${inRange.getQuery()}`;
      });
    }
    const [conversations, total] = await query
      .orderBy('c.lastMessageAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    const counts = new Map<string, number>();
    if (conversations.length > 0) {
      const rows = await this.messages()
        .createQueryBuilder('m')
        .select('m.conversationId', 'conversationId')
        .addSelect('COUNT(*)', 'count')
        .where('m.conversationId IN (:...ids)', { ids: conversations.map((c) => c.id) })
        .groupBy('m.conversationId')
        .getRawMany<{ conversationId: string; count: string | number }>();
      for (const row of rows) counts.set(row.conversationId, Number(row.count));
    }
    return [
      conversations.map((conversation) => ({ conversation, messageCount: counts.get(conversation.id) ?? 0 })),
      total,
    ];
  }

  /**
   * Messages whose text contains every word (prefix match), newest first. MySQL/MariaDB use the
   * FULLTEXT index in boolean mode; SQLite the FTS5 table `messages_fts`. Both made by the
   * Messaging migration.
   */
  async search(words: readonly string[], page: { skip: number; take: number }): Promise<[Message[], number]> {
    const query = this.messages().createQueryBuilder('m');
    if (['better-sqlite3', 'sqlite'].includes(String(this.dataSource.options.type))) {
      query.where('m.rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH :match)', {
        match: words.map((w) => `"${w}"*`).join(' '),
      });
    } else {
      query.where('MATCH(m.text) AGAINST (:match IN BOOLEAN MODE)', { match: words.map((w) => `+${w}*`).join(' ') });
    }
    return query
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
  }
}
