import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';

export enum TicketCategory {
  Account = 'account',
  Booking = 'booking',
  Payment = 'payment',
  Safeguarding = 'safeguarding',
  Technical = 'technical',
  Other = 'other',
}

export enum TicketPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

export enum TicketStatus {
  Open = 'open',
  Pending = 'pending',
  Resolved = 'resolved',
  Closed = 'closed',
}

/** Where a ticket came from. */
export enum TicketSource {
  /** A signed-in parent or childminder's Help page. */
  Web = 'web',
  /** The public contact form. */
  Contact = 'contact',
  /** "Leave a message" from the live chat, carrying the transcript. */
  Chat = 'chat',
  /** Raised by an agent or admin on someone's behalf. */
  Staff = 'staff',
}

/** Created by hand in the Support migration (FULLTEXT on MySQL/MariaDB; FTS5 table on SQLite). */
export const TICKET_TEXT_SEARCH_INDEX = 'IDX_support_tickets_text_fulltext';

const tagsTransformer = {
  to: (tags: string[] | undefined) => (tags ?? []).join(','),
  from: (value: string | null) => (value ? value.split(',').filter(Boolean) : []),
};

/**
 * A support ticket. `number` is the one people quote (shown as CC-<number>); the requester is a
 * user or, from the contact form, a name and an email address. Timestamps are set by the
 * application with millisecond precision so the stats' durations are exact on both dialects.
 */
@Entity('support_tickets')
@Index('UQ_support_tickets_number', ['number'], { unique: true })
@Index('IDX_support_tickets_requester_activity', ['requesterId', 'lastActivityAt'])
@Index('IDX_support_tickets_status_activity', ['status', 'lastActivityAt'])
@Index('IDX_support_tickets_assignee_status', ['assigneeId', 'status'])
@Index('IDX_support_tickets_created', ['createdAt'])
@Index('IDX_support_tickets_resolved', ['resolvedAt'])
// Not managed by the schema sync: TypeORM cannot express it for SQLite (FTS5). See the migration.
@Index(TICKET_TEXT_SEARCH_INDEX, { synchronize: false })
export class SupportTicket extends UuidEntity {
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 20 })
  category: TicketCategory;

  @Column({ type: 'varchar', length: 10 })
  priority: TicketPriority;

  @Column({ type: 'varchar', length: 10 })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 10 })
  source: TicketSource;

  /** The requester's account, when there is one (a contact form email of an account links it). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  requesterId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requesterId' })
  requester?: User;

  /** The requester's role when the ticket was raised; null for a visitor without an account. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  requesterRole: string | null;

  @Column({ type: 'varchar', length: 200 })
  requesterName: string;

  @Column({ type: 'varchar', length: 254 })
  requesterEmail: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigneeId' })
  assignee?: User;

  /** Lower-case tags, comma-separated in the column. */
  @Column({ type: 'varchar', length: 400, default: '', transformer: tagsTransformer })
  tags: string[];

  /** The first reply an agent sent to the requester (internal notes do not count). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  lastActivityAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
