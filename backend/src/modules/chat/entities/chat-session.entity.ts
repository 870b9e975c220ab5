import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum ChatSessionState {
  /** In the queue: no agent yet. */
  Waiting = 'waiting',
  /** Assigned to an agent. */
  Active = 'active',
  Closed = 'closed',
}

export const CHAT_RATING_COMMENT_MAX_LENGTH = 1000;

/**
 * One live chat between a parent or childminder (the requester) and a support agent. Waiting
 * sessions are queued by `queuedAt` (oldest first); an active one counts against its agent's
 * capacity. Each side's read mark is the id of the newest chat message it has seen.
 */
@Entity('chat_sessions')
@Index('IDX_chat_sessions_state_queued', ['state', 'queuedAt'])
@Index('IDX_chat_sessions_agent_state', ['agentId', 'state'])
@Index('IDX_chat_sessions_requester_created', ['requesterId', 'createdAt'])
export class ChatSession extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  requesterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requesterId' })
  requester?: User;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agentId: string | null;

  @Column({ type: 'varchar', length: 20 })
  state: ChatSessionState;

  /** When the session (last) entered the queue: the queue is drained oldest first. */
  @Column({ type: 'datetime', precision: 3 })
  queuedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastMessageAt: Date | null;

  /** The requester left a message instead of waiting (no agent came): it is handed to support as a ticket. */
  @Column({ type: 'boolean', default: false })
  leftMessage: boolean;

  /** The ticket the left message became, as shown to people (e.g. CC-1042), once support has it. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  ticketNumber: string | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: CHAT_RATING_COMMENT_MAX_LENGTH, nullable: true })
  ratingComment: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  requesterReadUpTo: number;

  @Column({ type: 'int', default: 0 })
  agentReadUpTo: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
