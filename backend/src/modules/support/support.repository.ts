import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { SupportTicketEvent } from './entities/support-ticket-event.entity';
import { SupportTicketReply } from './entities/support-ticket-reply.entity';
import { SupportTicket, TicketStatus } from './entities/support-ticket.entity';
import { FIRST_TICKET_NUMBER, OPEN_STATUSES } from './ticket-rules';

export interface TicketFilter {
  requesterId?: string;
  status?: TicketStatus;
  priority?: string;
  category?: string;
  /** A user id, or null for unassigned tickets. */
  assigneeId?: string | null;
  /** parent, childminder, ... or 'visitor' (no account). */
  requesterRole?: string;
  from?: Date;
  to?: Date;
}

export interface PageWindow {
  skip: number;
  take: number;
}

export interface KeyCount {
  key: string;
  count: number;
}

/** One UTC hour's tickets: how many, and the total seconds of the `timed` ones that have the duration. */
export interface HourCount {
  hour: Date;
  count: number;
  timed: number;
  seconds: number;
}

/** Opened (timed by first response) and resolved (timed by resolution), per UTC hour. */
export interface HourlyCounts {
  opened: HourCount[];
  resolved: HourCount[];
}

type Duration = 'firstResponseAt' | 'resolvedAt';

/** Tickets, their replies and history, by the questions support asks. */
@Injectable()
export class SupportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private tickets(manager?: EntityManager): Repository<SupportTicket> {
    return (manager ?? this.dataSource.manager).getRepository(SupportTicket);
  }

  private replies(manager?: EntityManager): Repository<SupportTicketReply> {
    return (manager ?? this.dataSource.manager).getRepository(SupportTicketReply);
  }

  private events(manager?: EntityManager): Repository<SupportTicketEvent> {
    return (manager ?? this.dataSource.manager).getRepository(SupportTicketEvent);
  }

  private get sqlite(): boolean {
    return ['better-sqlite3', 'sqlite'].includes(String(this.dataSource.options.type));
  }

  findTicket(id: string, manager?: EntityManager): Promise<SupportTicket | null> {
    return this.tickets(manager).findOne({ where: { id } });
  }

  findTicketByNumber(number: number): Promise<SupportTicket | null> {
    return this.tickets().findOne({ where: { number } });
  }

  /** The next ticket number; the unique index settles two requests that read the same maximum. */
  async nextNumber(manager: EntityManager): Promise<number> {
    const row = await this.tickets(manager)
      .createQueryBuilder('t')
      .select('MAX(t.number)', 'max')
      .getRawOne<{ max: number | string | null }>();
    return row?.max == null ? FIRST_TICKET_NUMBER : Number(row.max) + 1;
  }

  async insertTicket(ticket: SupportTicket, manager: EntityManager): Promise<void> {
    await this.tickets(manager).insert(ticket);
  }

  async updateTicket(id: string, changes: Partial<SupportTicket>, manager?: EntityManager): Promise<void> {
    await this.tickets(manager).update(id, changes);
  }

  async deleteTicket(id: string, manager?: EntityManager): Promise<void> {
    await this.tickets(manager).delete(id);
  }

  async insertReply(reply: SupportTicketReply, manager: EntityManager): Promise<void> {
    await this.replies(manager).insert(reply);
  }

  async insertEvents(events: SupportTicketEvent[], manager: EntityManager): Promise<void> {
    if (events.length) await this.events(manager).insert(events);
  }

  /** The thread, oldest first; `includeInternal: false` leaves internal notes out in SQL. */
  repliesOf(ticketId: string, includeInternal: boolean): Promise<SupportTicketReply[]> {
    return this.replies().find({
      where: includeInternal ? { ticketId } : { ticketId, internal: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  historyOf(ticketId: string): Promise<SupportTicketEvent[]> {
    return this.events().find({ where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Tickets matching `filter`, most recently active first. */
  pageTickets(filter: TicketFilter, page: PageWindow): Promise<[SupportTicket[], number]> {
    return this.filtered(filter)
      .orderBy('t.lastActivityAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
  }

  /**
   * Tickets whose subject and body, or one of whose replies, contain every word (prefix match),
   * or whose number is `number`; most recently active first. MySQL/MariaDB use the FULLTEXT
   * indexes in boolean mode; SQLite the FTS5 tables. Both made by the Support migration.
   */
  searchTickets(
    words: readonly string[],
    number: number | null,
    filter: TicketFilter,
    page: PageWindow,
  ): Promise<[SupportTicket[], number]> {
    const query = this.filtered(filter);
    query.andWhere(
      new Brackets((match) => {
        if (this.sqlite) {
          const terms = words.map((w) => `"${w}"*`).join(' ');
          match
            .where('t.rowid IN (SELECT rowid FROM support_tickets_fts WHERE support_tickets_fts MATCH :terms)', {
              terms,
            })
            .orWhere(
              `t.id IN (SELECT r.ticketId FROM support_ticket_replies r WHERE r.rowid IN
                 (SELECT rowid FROM support_ticket_replies_fts WHERE support_ticket_replies_fts MATCH :terms))`,
            );
        } else {
          const terms = words.map((w) => `+${w}*`).join(' ');
          match
            .where('MATCH(t.subject, t.body) AGAINST (:terms IN BOOLEAN MODE)', { terms })
            .orWhere(
              't.id IN (SELECT r.ticketId FROM support_ticket_replies r WHERE MATCH(r.body) AGAINST (:terms IN BOOLEAN MODE))',
            );
        }
        if (number !== null) match.orWhere('t.number = :number', { number });
      }),
    );
    return query
      .orderBy('t.lastActivityAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
  }

  private filtered(filter: TicketFilter): SelectQueryBuilder<SupportTicket> {
    const query = this.tickets().createQueryBuilder('t');
    if (filter.requesterId) query.andWhere('t.requesterId = :requesterId', { requesterId: filter.requesterId });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.priority) query.andWhere('t.priority = :priority', { priority: filter.priority });
    if (filter.category) query.andWhere('t.category = :category', { category: filter.category });
    if (filter.assigneeId === null) query.andWhere('t.assigneeId IS NULL');
    else if (filter.assigneeId) query.andWhere('t.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.requesterRole === 'visitor') query.andWhere('t.requesterRole IS NULL');
    else if (filter.requesterRole) query.andWhere('t.requesterRole = :role', { role: filter.requesterRole });
    if (filter.from) query.andWhere('t.createdAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('t.createdAt <= :to', { to: filter.to });
    return query;
  }

  // ---- Stats: aggregates in SQL, never every row ----

  private createdIn(from: Date, to: Date): SelectQueryBuilder<SupportTicket> {
    return this.tickets().createQueryBuilder('t').where('t.createdAt >= :from AND t.createdAt <= :to', { from, to });
  }

  async countBy(column: 'status' | 'priority' | 'category', from: Date, to: Date): Promise<KeyCount[]> {
    const rows = await this.createdIn(from, to)
      .select(`t.${column}`, 'key')
      .addSelect('COUNT(*)', 'count')
      .groupBy(`t.${column}`)
      .getRawMany<{ key: string; count: string | number }>();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }

  private secondsSinceCreated(column: Duration): string {
    return this.sqlite
      ? `CAST(ROUND((julianday(t.${column}) - julianday(t.createdAt)) * 86400) AS INTEGER)`
      : `TIMESTAMPDIFF(SECOND, t.createdAt, t.${column})`;
  }

  /**
   * The median seconds from creation to `column` among tickets created in the range that have
   * it: a count, then the one or two middle values read by offset from an ordered index scan.
   */
  async medianSeconds(column: Duration, from: Date, to: Date): Promise<number | null> {
    const base = () => this.createdIn(from, to).andWhere(`t.${column} IS NOT NULL`);
    const n = await base().getCount();
    if (n === 0) return null;
    const expression = this.secondsSinceCreated(column);
    const rows = await base()
      .select(expression, 'seconds')
      .orderBy(expression, 'ASC')
      .offset(Math.floor((n - 1) / 2))
      .limit(n % 2 === 0 ? 2 : 1)
      .getRawMany<{ seconds: string | number }>();
    const values = rows.map((r) => Number(r.seconds));
    return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  }

  /** Open and pending tickets now, counted by age bucket in one statement. */
  async backlog(now: Date): Promise<{ upTo1Day: number; days1To3: number; days3To7: number; older: number }> {
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const row = await this.tickets()
      .createQueryBuilder('t')
      .select('SUM(CASE WHEN t.createdAt > :d1 THEN 1 ELSE 0 END)', 'upTo1Day')
      .addSelect('SUM(CASE WHEN t.createdAt <= :d1 AND t.createdAt > :d3 THEN 1 ELSE 0 END)', 'days1To3')
      .addSelect('SUM(CASE WHEN t.createdAt <= :d3 AND t.createdAt > :d7 THEN 1 ELSE 0 END)', 'days3To7')
      .addSelect('SUM(CASE WHEN t.createdAt <= :d7 THEN 1 ELSE 0 END)', 'older')
      .where('t.status IN (:...open)', { open: OPEN_STATUSES })
      .setParameters({ d1: day(1), d3: day(3), d7: day(7) })
      .getRawOne<Record<string, string | number | null>>();
    const value = (key: string) => Number(row?.[key] ?? 0);
    return {
      upTo1Day: value('upTo1Day'),
      days1To3: value('days1To3'),
      days3To7: value('days3To7'),
      older: value('older'),
    };
  }

  /**
   * Per UTC hour of the range (every UK offset is whole hours, so the caller folds hours into UK
   * days exactly, clock changes included): tickets opened with the seconds to their first
   * response, and tickets resolved with the seconds to resolution. At most 24 rows a day.
   */
  async hourly(from: Date, to: Date): Promise<HourlyCounts> {
    const hourOf = (column: string) =>
      this.sqlite ? `strftime('%Y-%m-%d %H', t.${column})` : `DATE_FORMAT(t.${column}, '%Y-%m-%d %H')`;
    const perHour = async (column: 'createdAt' | 'resolvedAt', duration: Duration) => {
      const seconds = this.secondsSinceCreated(duration);
      const rows = await this.tickets()
        .createQueryBuilder('t')
        .select(hourOf(column), 'hour')
        .addSelect('COUNT(*)', 'count')
        .addSelect(`SUM(CASE WHEN t.${duration} IS NULL THEN 0 ELSE 1 END)`, 'timed')
        .addSelect(`SUM(CASE WHEN t.${duration} IS NULL THEN 0 ELSE ${seconds} END)`, 'seconds')
        .where(`t.${column} >= :from AND t.${column} <= :to`, { from, to })
        .groupBy(hourOf(column))
        .getRawMany<{
          hour: string;
          count: string | number;
          timed: string | number | null;
          seconds: string | number | null;
        }>();
      return rows.map((r) => ({
        hour: new Date(`${String(r.hour).replace(' ', 'T')}:00:00Z`),
        count: Number(r.count),
        timed: Number(r.timed ?? 0),
        seconds: Number(r.seconds ?? 0),
      }));
    };
    const [opened, resolved] = await Promise.all([
      perHour('createdAt', 'firstResponseAt'),
      perHour('resolvedAt', 'resolvedAt'),
    ]);
    return { opened, resolved };
  }
}
