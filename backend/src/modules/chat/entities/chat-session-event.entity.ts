import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { ChatSession } from './chat-session.entity';

export enum ChatEventType {
  Created = 'created',
  Assigned = 'assigned',
  Transferred = 'transferred',
  /** The agent went offline: the session went back to the queue. */
  Requeued = 'requeued',
  Closed = 'closed',
  Reopened = 'reopened',
  LeftMessage = 'left_message',
  Rated = 'rated',
}

/** The session's history: who took it, transfers, closing and reopening, the rating. */
@Entity('chat_session_events')
@Index('IDX_chat_session_events_session', ['sessionId', 'createdAt'])
export class ChatSessionEvent extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => ChatSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: ChatSession;

  @Column({ type: 'varchar', length: 20 })
  type: ChatEventType;

  /** Who did it; null when the product did (auto-assignment). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  fromAgentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  toAgentId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
