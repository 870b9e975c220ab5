import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChatSession } from './chat-session.entity';

export const CHAT_MESSAGE_MAX_LENGTH = 2000;

export enum ChatSender {
  Requester = 'requester',
  Agent = 'agent',
  /** Written by the product: the session opened, an agent joined, a transfer. */
  System = 'system',
}

/**
 * One line of a chat. The auto-increment id orders a session's messages and is the cursor a
 * reconnecting client asks "after" (`int`: SQLite allows AUTOINCREMENT only on INTEGER).
 */
@Entity('chat_messages')
@Index('IDX_chat_messages_session_id', ['sessionId', 'id'])
export class ChatMessage {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => ChatSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: ChatSession;

  @Column({ type: 'varchar', length: 20 })
  sender: ChatSender;

  /** The person who wrote it; null for system messages. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  senderId: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
