import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { Conversation } from './conversation.entity';

export const MESSAGE_MAX_LENGTH = 5000;
/** Created by hand in the Messaging migration (FULLTEXT on MySQL/MariaDB; FTS5 table on SQLite). */
export const MESSAGE_TEXT_SEARCH_INDEX = 'IDX_messages_text_fulltext';

/**
 * One message. createdAt has millisecond precision and is set by the application, so a thread's
 * order (createdAt, id) and its cursor are exact on both dialects.
 */
@Entity('messages')
@Index('IDX_messages_conversation_created', ['conversationId', 'createdAt'])
// Not managed by the schema sync: TypeORM cannot express it for SQLite (FTS5). See the migration.
@Index(MESSAGE_TEXT_SEARCH_INDEX, { synchronize: false })
export class Message extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Conversation;

  @Column({ type: 'varchar', length: 36 })
  senderId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
