import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

/**
 * The one conversation between a parent and a childminder. Each side's read mark is the
 * createdAt of the latest message they have seen; either side may block it, which stops both
 * from sending until the one who blocked unblocks.
 */
@Entity('conversations')
@Index('UQ_conversations_pair', ['parentId', 'childminderId'], { unique: true })
@Index('IDX_conversations_parent_last', ['parentId', 'lastMessageAt'])
@Index('IDX_conversations_childminder_last', ['childminderId', 'lastMessageAt'])
@Index('IDX_conversations_last', ['lastMessageAt'])
@Index('IDX_conversations_childminder_asked', ['childminderId', 'parentAskedAt'])
export class Conversation extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: User;

  @Column({ type: 'varchar', length: 36 })
  childminderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'childminderId' })
  childminder?: User;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastMessageAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  parentLastReadAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  childminderLastReadAt: Date | null;

  /**
   * The createdAt of the newest message an email digest (or a decision not to send one) has
   * covered for each side: a digest never repeats messages it already reported.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  parentDigestedUpTo: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  childminderDigestedUpTo: Date | null;

  /** Who blocked the conversation, if anyone. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  blockedById: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  blockedAt: Date | null;

  /**
   * When the parent wrote the conversation's first message, and when the childminder first
   * answered it: her reply rate and time (response-times.ts). Null when the childminder wrote first.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  parentAskedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  childminderAnsweredAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
