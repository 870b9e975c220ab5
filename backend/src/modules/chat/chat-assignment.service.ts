import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STAFF_ROLES } from '@app/common/auth/role';
import { retryOnLockContention } from '@app/database/lock-contention';
import { DataSource, EntityManager } from 'typeorm';
import { SettingsService } from '@app/modules/settings/settings.service';
import { ChatStatus, type User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ChatNotifier } from './chat-notifier';
import { ChatRepository } from './chat.repository';
import { rankAgents } from './chat-rules';
import { ChatSender } from './entities/chat-message.entity';
import { ChatEventType } from './entities/chat-session-event.entity';
import { ChatSession, ChatSessionState } from './entities/chat-session.entity';
import { ChatErrorCode, ChatException } from './chat.exception';

type Attempt = 'assigned' | 'full' | 'taken';
/** How many queue entries one drain hands out at most (it runs again on the next trigger). */
const DRAIN_LIMIT = 200;

/**
 * Hands chats to agents. A chat goes to the available agent with the fewest active chats under
 * the capacity setting; the queue is handed out oldest first whenever an agent may take more.
 *
 * Correct under concurrency and across instances without any in-process state: each attempt
 * locks the agent's chat_agents row (`SELECT ... FOR UPDATE`), then counts the agent's active
 * chats and re-reads the agent's status, then gives the session to the agent with a
 * compare-and-set (`UPDATE ... WHERE state = 'waiting' AND agentId IS NULL`). The lock makes
 * the count exact (no agent over capacity); the compare-and-set makes a session go to one agent
 * only. Going offline takes the same lock, so a chat cannot slip to an agent who just left.
 */
@Injectable()
export class ChatAssignment {
  private readonly logger = new Logger(ChatAssignment.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chats: ChatRepository,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
    private readonly notifier: ChatNotifier,
  ) {}

  capacity(): Promise<number> {
    return this.settings.get('chat.agentCapacity');
  }

  /** Hands out waiting chats, oldest first, while some available agent has room. */
  async drainQueue(): Promise<number> {
    let assigned = 0;
    for (let round = 0; round < DRAIN_LIMIT; round++) {
      const [next] = await this.chats.oldestWaiting(1);
      if (!next) break;
      const outcome = await this.assign(next);
      if (outcome === 'no-agent') break;
      if (outcome === 'assigned') assigned++;
      // 'taken': another instance or request assigned it meanwhile; look at the queue again.
    }
    return assigned;
  }

  /** Tries to give one waiting session to the best available agent. */
  async assign(session: ChatSession, preferredAgentId?: string | null): Promise<'assigned' | 'taken' | 'no-agent'> {
    const capacity = await this.capacity();
    const available = (await this.users.listChatStaff()).filter((user) => user.chatStatus === ChatStatus.Available);
    const ids = available.map((user) => user.id);
    const [counts, rows] = await Promise.all([this.chats.activeCounts(ids), this.chats.findAgents(ids)]);
    const lastAssigned = new Map(rows.map((row) => [row.agentId, row.lastAssignedAt]));
    const ranked = rankAgents(
      ids.map((agentId) => ({
        agentId,
        active: counts.get(agentId) ?? 0,
        lastAssignedAt: lastAssigned.get(agentId) ?? null,
      })),
      capacity,
      preferredAgentId,
    );
    for (const agentId of ranked) {
      const outcome = await this.tryAssignTo(session.id, agentId, capacity);
      if (outcome === 'assigned') {
        const updated = await this.chats.findSession(session.id);
        if (updated) await this.notifier.sessionChanged(updated, 'assigned');
        return 'assigned';
      }
      if (outcome === 'taken') return 'taken';
    }
    return 'no-agent';
  }

  private async tryAssignTo(sessionId: string, agentId: string, capacity: number): Promise<Attempt> {
    await this.chats.ensureAgent(agentId);
    return this.withRetry(() =>
      this.dataSource.transaction(async (manager) => {
        await this.chats.lockAgent(agentId, manager);
        const agent = await this.staffMember(agentId, manager);
        if (agent?.chatStatus !== ChatStatus.Available) return 'full';
        if ((await this.chats.countActiveFor(agentId, manager)) >= capacity) return 'full';
        if (!(await this.chats.assignIfWaiting(sessionId, agentId, manager))) return 'taken';
        const now = new Date();
        await this.chats.touchAgent(agentId, now, manager);
        await this.chats.insertEvent(
          {
            sessionId,
            type: ChatEventType.Assigned,
            actorId: null,
            fromAgentId: null,
            toAgentId: agentId,
            note: null,
            createdAt: now,
          },
          manager,
        );
        await this.systemMessage(sessionId, `${agent.firstName} from support joined the chat.`, now, manager);
        return 'assigned';
      }),
    );
  }

  /**
   * The agent went offline: their open chats go back to the queue (keeping their place by the
   * time they first queued) and are handed to others. Takes the agent's lock, so an assignment
   * that read the agent as available either committed before (and is requeued here) or waits.
   */
  async releaseAgent(agentId: string): Promise<void> {
    await this.chats.ensureAgent(agentId);
    const requeued = await this.withRetry(() =>
      this.dataSource.transaction(async (manager) => {
        await this.chats.lockAgent(agentId, manager);
        const sessions = await this.chats.activeSessionsOf(agentId, manager);
        const now = new Date();
        for (const session of sessions) {
          await this.chats.updateSession(session.id, { agentId: null, state: ChatSessionState.Waiting }, manager);
          await this.chats.insertEvent(
            {
              sessionId: session.id,
              type: ChatEventType.Requeued,
              actorId: agentId,
              fromAgentId: agentId,
              toAgentId: null,
              note: null,
              createdAt: now,
            },
            manager,
          );
          await this.systemMessage(
            session.id,
            'Your adviser had to leave: the next available adviser will join you.',
            now,
            manager,
          );
        }
        return sessions.map((session) => Object.assign(session, { agentId: null, state: ChatSessionState.Waiting }));
      }),
    );
    for (const session of requeued) await this.notifier.sessionChanged(session, 'queued', [agentId]);
    await this.drainQueue();
  }

  /**
   * Moves an active chat from its agent to `toAgentId`, who must be online (available or busy)
   * with room under the capacity. Both agents' rows are locked in id order (no deadlock between
   * two transfers in opposite directions).
   */
  async transfer(session: ChatSession, toAgentId: string, actorId: string, note: string | null): Promise<void> {
    const fromAgentId = session.agentId;
    if (session.state !== ChatSessionState.Active || !fromAgentId) {
      throw new ChatException(ChatErrorCode.InvalidState, 'Only a chat in progress can be transferred');
    }
    if (fromAgentId === toAgentId) {
      throw new ChatException(ChatErrorCode.AgentUnavailable, 'The chat is already with that agent');
    }
    const capacity = await this.capacity();
    await this.chats.ensureAgent(toAgentId);
    await this.chats.ensureAgent(fromAgentId);
    await this.withRetry(() =>
      this.dataSource.transaction(async (manager) => {
        for (const id of [fromAgentId, toAgentId].sort()) await this.chats.lockAgent(id, manager);
        const target = await this.staffMember(toAgentId, manager);
        const online =
          target &&
          STAFF_ROLES.includes(target.role) &&
          (target.chatStatus === ChatStatus.Available || target.chatStatus === ChatStatus.Busy);
        if (!online || (await this.chats.countActiveFor(toAgentId, manager)) >= capacity) {
          throw new ChatException(
            ChatErrorCode.AgentUnavailable,
            'That agent is offline or has no room for another chat: choose someone else',
          );
        }
        if (!(await this.chats.moveIfAssigned(session.id, fromAgentId, toAgentId, manager))) {
          throw new ChatException(ChatErrorCode.InvalidState, 'The chat changed meanwhile: reload it and try again');
        }
        const now = new Date();
        await this.chats.touchAgent(toAgentId, now, manager);
        await this.chats.insertEvent(
          {
            sessionId: session.id,
            type: ChatEventType.Transferred,
            actorId,
            fromAgentId,
            toAgentId,
            note,
            createdAt: now,
          },
          manager,
        );
        await this.systemMessage(session.id, `${target.firstName} from support has taken over the chat.`, now, manager);
      }),
    );
    session.agentId = toAgentId;
    await this.notifier.sessionChanged(session, 'transferred', [fromAgentId]);
    // The previous agent has room again.
    await this.drainQueue();
  }

  private async staffMember(userId: string, manager: EntityManager): Promise<User | undefined> {
    const [user] = await this.users.findManyByIds([userId], manager);
    return user;
  }

  private async systemMessage(sessionId: string, text: string, at: Date, manager: EntityManager) {
    await this.chats.insertMessage(
      { sessionId, sender: ChatSender.System, senderId: null, text, createdAt: at },
      manager,
    );
    await this.chats.updateSession(sessionId, { lastMessageAt: at }, manager);
  }

  /** A deadlock or lock timeout rolls the transaction back whole: run it again (a few times). */
  private withRetry<T>(work: () => Promise<T>): Promise<T> {
    return retryOnLockContention(work, 4, (error, attempt) => {
      const e = error as { code?: string; driverError?: { code?: string } };
      this.logger.warn(`Chat assignment hit ${e.driverError?.code ?? e.code}; retrying (attempt ${attempt})`);
    });
  }
}
