import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';

/** One entry of a user's in-app notification feed (the bell). */
@Entity('notifications')
@Index('IDX_notifications_user_created', ['userId', 'createdAt'])
@Index('IDX_notifications_user_read', ['userId', 'readAt'])
@Index('IDX_notifications_user_subject', ['userId', 'subjectId'])
export class Notification extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** What it is about, for icons and filtering: `message`, `booking`, `document`, ... */
  @Column({ type: 'varchar', length: 50 })
  type: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 1000 })
  body: string;

  /** An in-app path to open (`/parent/messages?conversation=...`), never an external URL. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  /**
   * The thing it is about (a conversation's id), so that dealing with the thing itself (opening
   * the conversation) can clear its entries from the bell.
   */
  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
