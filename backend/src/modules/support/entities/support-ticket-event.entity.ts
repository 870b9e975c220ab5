import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { SupportTicket } from './support-ticket.entity';

/** What changed on a ticket. */
export enum TicketEventType {
  Created = 'created',
  Status = 'status',
  Priority = 'priority',
  Category = 'category',
  Assignee = 'assignee',
  Tags = 'tags',
}

/** A ticket's history: one row per change of status, priority, category, assignee or tags. */
@Entity('support_ticket_events')
@Index('IDX_support_ticket_events_ticket_created', ['ticketId', 'createdAt'])
export class SupportTicketEvent extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  ticketId: string;

  @ManyToOne(() => SupportTicket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticketId' })
  ticket?: SupportTicket;

  /** Null when the system made the change (a requester's reply reopening a ticket is theirs). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'varchar', length: 20 })
  type: TicketEventType;

  @Column({ type: 'varchar', length: 400, nullable: true })
  fromValue: string | null;

  @Column({ type: 'varchar', length: 400, nullable: true })
  toValue: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
