import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { forUpdate } from '@app/database/locking';
import { isUniqueViolation } from '@app/database/unique-violation';
import { ChatAgent } from './entities/chat-agent.entity';
import { ChatCannedReply } from './entities/chat-canned-reply.entity';
import { ChatMessage, ChatSender } from './entities/chat-message.entity';
import { ChatSessionEvent } from './entities/chat-session-event.entity';
import { ChatSession, ChatSessionState } from './entities/chat-session.entity';

export interface ChatSessionFilter {
  requesterId?: string;
  /** Sessions assigned to this agent, or (with `orWaiting`) waiting in the queue. */
  agentId?: string;
  orWaiting?: boolean;
  state?: ChatSessionState;
}

/** The chat tables (sessions with their messages and history, agents' lock rows, canned replies). */
@Injectable()
export class ChatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // Sessions

  findSession(id: string, manager?: EntityManager): Promise<ChatSession | null> {
    return this.m(manager).findOne(ChatSession, { where: { id } });
  }

  async insertSession(session: ChatSession, manager: EntityManager): Promise<ChatSession> {
    await manager.insert(ChatSession, session);
    return session;
  }

  async updateSession(id: string, changes: Partial<ChatSession>, manager?: EntityManager): Promise<void> {
    await this.m(manager).update(ChatSession, { id }, changes);
  }

  /** The requester's waiting or active chat, if any (they have at most one open). */
  findOpenForRequester(requesterId: string, manager?: EntityManager): Promise<ChatSession | null> {
    return this.m(manager).findOne(ChatSession, {
      where: { requesterId, state: Not(ChatSessionState.Closed) },
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Compare-and-set: gives the waiting session to `agentId` only if it is still waiting and
   * unassigned. False when another assignment won; the database settles the race.
   */
  async assignIfWaiting(sessionId: string, agentId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      ChatSession,
      { id: sessionId, state: ChatSessionState.Waiting, agentId: IsNull() },
      { agentId, state: ChatSessionState.Active },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Compare-and-set: moves an active session from one agent to another only if it is still the first's. */
  async moveIfAssigned(sessionId: string, fromAgentId: string, toAgentId: string, manager: EntityManager) {
    const result = await manager.update(
      ChatSession,
      { id: sessionId, state: ChatSessionState.Active, agentId: fromAgentId },
      { agentId: toAgentId },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The oldest waiting sessions (the queue's head first). */
  oldestWaiting(limit: number, manager?: EntityManager): Promise<ChatSession[]> {
    return this.m(manager).find(ChatSession, {
      where: { state: ChatSessionState.Waiting },
      order: { queuedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  countWaiting(): Promise<number> {
    return this.dataSource.manager.count(ChatSession, { where: { state: ChatSessionState.Waiting } });
  }

  countActiveFor(agentId: string, manager?: EntityManager): Promise<number> {
    return this.m(manager).count(ChatSession, { where: { agentId, state: ChatSessionState.Active } });
  }

  /** Active chats per agent, for the given agents (missing: none). */
  async activeCounts(agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(ChatSession, 's')
      .select('s.agentId', 'agentId')
      .addSelect('COUNT(*)', 'active')
      .where('s.state = :state', { state: ChatSessionState.Active })
      .andWhere('s.agentId IN (:...agentIds)', { agentIds })
      .groupBy('s.agentId')
      .getRawMany<{ agentId: string; active: string | number }>();
    return new Map(rows.map((row) => [row.agentId, Number(row.active)]));
  }

  activeSessionsOf(agentId: string, manager?: EntityManager): Promise<ChatSession[]> {
    return this.m(manager).find(ChatSession, { where: { agentId, state: ChatSessionState.Active } });
  }

  pageSessions(filter: ChatSessionFilter, skip: number, take: number): Promise<[ChatSession[], number]> {
    const query = this.dataSource.manager.createQueryBuilder(ChatSession, 's');
    if (filter.requesterId) query.andWhere('s.requesterId = :requesterId', { requesterId: filter.requesterId });
    if (filter.agentId) {
      query.andWhere(filter.orWaiting ? '(s.agentId = :agentId OR s.state = :waiting)' : 's.agentId = :agentId', {
        agentId: filter.agentId,
        waiting: ChatSessionState.Waiting,
      });
    }
    if (filter.state) query.andWhere('s.state = :state', { state: filter.state });
    return query
      .orderBy("CASE WHEN s.state = 'closed' THEN 1 ELSE 0 END", 'ASC')
      .addOrderBy('s.queuedAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** Open sessions assigned to `agentId` whose requester wrote after the agent's read mark. */
  async unreadForAgent(agentId: string): Promise<{ sessionId: string; unread: number }[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(ChatMessage, 'msg')
      .innerJoin(ChatSession, 's', 's.id = msg.sessionId')
      .select('msg.sessionId', 'sessionId')
      .addSelect('COUNT(*)', 'unread')
      .where('s.agentId = :agentId', { agentId })
      .andWhere('s.state = :state', { state: ChatSessionState.Active })
      .andWhere('msg.sender = :sender', { sender: ChatSender.Requester })
      .andWhere('msg.id > s.agentReadUpTo')
      .groupBy('msg.sessionId')
      .getRawMany<{ sessionId: string; unread: string | number }>();
    return rows.map((row) => ({ sessionId: row.sessionId, unread: Number(row.unread) }));
  }

  /** Messages from the other side after each session's read mark of `side`. */
  async unreadCounts(sessions: readonly ChatSession[], side: 'requester' | 'agent'): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const session of sessions) {
      const readUpTo = side === 'requester' ? session.requesterReadUpTo : session.agentReadUpTo;
      const from = side === 'requester' ? [ChatSender.Agent, ChatSender.System] : [ChatSender.Requester];
      counts.set(
        session.id,
        await this.dataSource.manager.count(ChatMessage, {
          where: { sessionId: session.id, id: MoreThan(readUpTo), sender: In(from) },
        }),
      );
    }
    return counts;
  }

  // Messages

  async insertMessage(message: Omit<ChatMessage, 'id'>, manager: EntityManager): Promise<ChatMessage> {
    const row = manager.create(ChatMessage, message);
    await manager.insert(ChatMessage, row);
    return row;
  }

  /** A session's messages after `afterId`, oldest first. */
  messagesAfter(sessionId: string, afterId: number, limit: number): Promise<ChatMessage[]> {
    return this.dataSource.manager.find(ChatMessage, {
      where: { sessionId, id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** The newest message of each session. */
  async latestMessages(sessionIds: readonly string[]): Promise<Map<string, ChatMessage>> {
    if (sessionIds.length === 0) return new Map();
    const newest = this.dataSource.manager
      .createQueryBuilder(ChatMessage, 'latest')
      .select('MAX(latest.id)')
      .where('latest.sessionId IN (:...sessionIds)')
      .groupBy('latest.sessionId');
    const rows = await this.dataSource.manager
      .createQueryBuilder(ChatMessage, 'msg')
      .where(`msg.id IN (${newest.getQuery()})`)
      .setParameters({ sessionIds })
      .getMany();
    return new Map(rows.map((row) => [row.sessionId, row]));
  }

  transcript(sessionId: string, manager?: EntityManager): Promise<ChatMessage[]> {
    return this.m(manager).find(ChatMessage, { where: { sessionId }, order: { id: 'ASC' } });
  }

  // History

  async insertEvent(event: Omit<ChatSessionEvent, 'id'>, manager: EntityManager): Promise<void> {
    await manager.insert(ChatSessionEvent, Object.assign(new ChatSessionEvent(), event));
  }

  eventsOf(sessionId: string): Promise<ChatSessionEvent[]> {
    return this.dataSource.manager.find(ChatSessionEvent, { where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  // Agents

  /** Makes sure the agent has its lock row (idempotent, safe under races). */
  async ensureAgent(agentId: string): Promise<void> {
    if (await this.dataSource.manager.exists(ChatAgent, { where: { agentId } })) return;
    try {
      await this.dataSource.manager.insert(ChatAgent, { agentId, lastAssignedAt: null });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Locks the agent's row for the rest of `manager`'s transaction (`SELECT ... FOR UPDATE`).
   * Take it first in the transaction: on MariaDB later reads then see what the previous holder committed.
   */
  lockAgent(agentId: string, manager: EntityManager): Promise<ChatAgent | null> {
    return manager.findOne(ChatAgent, { where: { agentId }, ...forUpdate(manager) });
  }

  findAgents(agentIds: readonly string[]): Promise<ChatAgent[]> {
    if (agentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(ChatAgent, { where: { agentId: In([...agentIds]) } });
  }

  async touchAgent(agentId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(ChatAgent, { agentId }, { lastAssignedAt: at });
  }

  // Canned replies

  /** Ratings given to chats in [from, to): the average and how many (support stats' satisfaction). */
  async ratingsBetween(from: Date, to: Date): Promise<{ average: number | null; count: number }> {
    const row = await this.dataSource.manager
      .createQueryBuilder(ChatSession, 'session')
      .select('AVG(session.rating)', 'average')
      .addSelect('COUNT(session.rating)', 'count')
      .where('session.ratedAt >= :from AND session.ratedAt < :to', { from, to })
      .andWhere('session.rating IS NOT NULL')
      .getRawOne<{ average: string | number | null; count: string | number }>();
    const count = Number(row?.count ?? 0);
    return { average: count > 0 ? Math.round(Number(row!.average) * 100) / 100 : null, count };
  }

  cannedReplies(): Promise<ChatCannedReply[]> {
    return this.dataSource.manager.find(ChatCannedReply, { order: { position: 'ASC' } });
  }

  async replaceCannedReplies(replies: { title: string; text: string }[], manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().delete().from(ChatCannedReply).execute();
    if (replies.length === 0) return;
    await manager.insert(
      ChatCannedReply,
      replies.map((reply, position) => Object.assign(new ChatCannedReply(), { ...reply, position })),
    );
  }
}
