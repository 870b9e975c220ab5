import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { SupportTicket } from './support-ticket.entity';

export const REPLY_MAX_LENGTH = 10000;
/** Created by hand in the Support migration (FULLTEXT on MySQL/MariaDB; FTS5 table on SQLite). */
export const REPLY_TEXT_SEARCH_INDEX = 'IDX_support_ticket_replies_body_fulltext';

/** Who wrote a reply, as the thread shows it. */
export enum ReplyAuthorSide {
  Requester = 'requester',
  Agent = 'agent',
}

/**
 * One entry of a ticket's thread. An internal note (`internal`) is written by an agent for
 * other agents and never reaches the requester: not in a response, an email or an event.
 */
@Entity('support_ticket_replies')
@Index('IDX_support_ticket_replies_ticket_created', ['ticketId', 'createdAt'])
@Index(REPLY_TEXT_SEARCH_INDEX, { synchronize: false })
export class SupportTicketReply extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  ticketId: string;

  @ManyToOne(() => SupportTicket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticketId' })
  ticket?: SupportTicket;

  @Column({ type: 'varchar', length: 36, nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  authorName: string;

  @Column({ type: 'varchar', length: 10 })
  side: ReplyAuthorSide;

  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
