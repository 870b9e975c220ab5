import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { STAFF_ROLES } from '@app/common/auth/role';
import { RequestMeta } from '@app/common/http/request-meta';
import { Page, toPage } from '@app/common/pagination/page';
import { isUniqueViolation } from '@app/database/unique-violation';
import { AuditService } from '@app/modules/audit/audit.service';
import { searchWords } from '@app/modules/messaging/messaging.service';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import type { User } from '@app/modules/users/entities/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ContactThrottle } from './contact-throttle';
import {
  ContactDto,
  CreateReplyDto,
  CreateTicketDto,
  MyTicketsQuery,
  StaffCreateTicketDto,
  TicketFilterQuery,
  TicketSearchQuery,
  TicketStatsQuery,
  UpdateOwnTicketDto,
  UpdateTicketDto,
} from './dto/ticket.dto';
import {
  ContactReceivedResponse,
  DailyPointResponse,
  DeletedTicketResponse,
  MyReplyResponse,
  MyTicketDetailResponse,
  MyTicketResponse,
  personName,
  TicketDetailResponse,
  TicketReplyResponse,
  TicketResponse,
  TicketStatsResponse,
  toMyReplies,
  toMyTicket,
  toTicket,
  toTicketEvent,
  toTicketReply,
} from './dto/ticket.response';
import { ReplyAuthorSide, SupportTicketReply } from './entities/support-ticket-reply.entity';
import { SupportTicketEvent, TicketEventType } from './entities/support-ticket-event.entity';
import {
  SupportTicket,
  TicketCategory,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from './entities/support-ticket.entity';
import {
  contactRateLimited,
  SupportErrorCode,
  SupportException,
  ticketClosed,
  ticketNotFound,
} from './support.exception';
import { SupportNotifier, TicketChange } from './support-notifier';
import { HourCount, HourlyCounts, SupportRepository, TicketFilter } from './support.repository';
import { SupportSatisfaction } from './support-satisfaction';
import {
  daysBetween,
  formatTicketNumber,
  initialPriority,
  normaliseTags,
  parseTicketNumber,
  statusAfterReply,
  statusTimestamps,
  ukDayOf,
} from './ticket-rules';

export const AUDIT_TICKET_UPDATED = 'support.ticket.updated';
export const AUDIT_TICKET_DELETED = 'support.ticket.deleted';
const NUMBER_ATTEMPTS = 5;
const DEFAULT_STATS_DAYS = 30;
const MAX_STATS_DAYS = 366;

const isStaff = (auth: AuthContext) => STAFF_ROLES.includes(auth.role);

/** Someone a ticket is raised for. */
interface Requester {
  id: string | null;
  role: string | null;
  name: string;
  email: string;
}

interface NewTicket {
  requester: Requester;
  subject: string;
  body: string;
  category: TicketCategory;
  priority?: TicketPriority;
  source: TicketSource;
  /** Who raised it, for the history (the requester themselves when null). */
  actor?: { id: string; name: string } | null;
}

/** "Leave a message" from the live chat (called by the chat module). */
export interface TicketFromChat {
  requesterUserId: string;
  subject: string;
  /** The chat so far, as plain text; becomes the ticket's body. */
  transcript: string;
  category?: TicketCategory;
}

/** A ticket written as it already stands, with its thread (demo data, the sample tickets route). */
export interface ImportedTicket {
  requester: { user: User } | { name: string; email: string };
  subject: string;
  body: string;
  category: TicketCategory;
  priority?: TicketPriority;
  status: TicketStatus;
  assigneeId?: string | null;
  tags?: string[];
  createdAt: Date;
  replies?: { side: ReplyAuthorSide; internal?: boolean; author: User | null; body: string; at: Date }[];
  /** When it was resolved or closed (defaults to its last reply). */
  settledAt?: Date;
}

/**
 * Support tickets: the only writer of tickets, their replies and history. Requesters (parents,
 * childminders) reach their own tickets only; agents and admins reach all. Internal notes are
 * filtered out in SQL for requesters and never handed to the notifier, so they reach no
 * requester-facing response, email or event.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly repository: SupportRepository,
    private readonly notifier: SupportNotifier,
    private readonly throttle: ContactThrottle,
    private readonly satisfaction: SupportSatisfaction,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The ticket behind `id` if `auth` may reach it: agents and admins any, a requester their own;
   * otherwise the same 404 as for an id that does not exist.
   */
  async requireTicketAccess(auth: AuthContext, id: string): Promise<SupportTicket> {
    const ticket = await this.repository.findTicket(id);
    if (!ticket || (!isStaff(auth) && ticket.requesterId !== auth.userId)) throw ticketNotFound();
    return ticket;
  }

  // ---- Requesters (and the shared /api/tickets routes) ----

  /** GET /api/tickets: my tickets, or for agents and admins the inbox. */
  list(auth: AuthContext, query: TicketFilterQuery): Promise<Page<MyTicketResponse> | Page<TicketResponse>> {
    return isStaff(auth) ? this.staffList(auth, query) : this.listMine(auth, query);
  }

  async listMine(auth: AuthContext, query: MyTicketsQuery): Promise<Page<MyTicketResponse>> {
    const [tickets, total] = await this.repository.pageTickets(
      { requesterId: auth.userId, status: query.status },
      { skip: query.skip, take: query.pageSize },
    );
    return toPage(tickets.map(toMyTicket), total, query);
  }

  /** A requester's newest tickets (the live chat console shows them beside the chat). */
  async recentOf(userId: string, limit: number): Promise<MyTicketResponse[]> {
    const [tickets] = await this.repository.pageTickets({ requesterId: userId }, { skip: 0, take: limit });
    return tickets.map(toMyTicket);
  }

  /** A parent or childminder asks for help. */
  async create(auth: AuthContext, dto: CreateTicketDto): Promise<MyTicketResponse> {
    const user = await this.users.requireUser(auth.userId);
    const ticket = await this.open({
      requester: { id: user.id, role: user.role, name: personName(user), email: user.email },
      subject: dto.subject,
      body: dto.body,
      category: dto.category,
      source: TicketSource.Web,
    });
    return toMyTicket(ticket);
  }

  /** GET /api/tickets: the detail in the caller's shape. */
  get(auth: AuthContext, id: string): Promise<MyTicketDetailResponse | TicketDetailResponse> {
    return isStaff(auth) ? this.staffGet(auth, id) : this.getMine(auth, id);
  }

  async getMine(auth: AuthContext, id: string): Promise<MyTicketDetailResponse> {
    const ticket = await this.requireOwnTicket(auth, id);
    const replies = await this.repository.repliesOf(ticket.id, false);
    return { ticket: toMyTicket(ticket), replies: toMyReplies(replies, await this.avatarsOf(replies)) };
  }

  async listReplies(auth: AuthContext, id: string): Promise<{ items: TicketReplyResponse[] | MyReplyResponse[] }> {
    const ticket = await this.requireTicketAccess(auth, id);
    const staff = isStaff(auth);
    const replies = await this.repository.repliesOf(ticket.id, staff);
    const avatars = await this.avatarsOf(replies);
    return { items: staff ? replies.map((r) => toTicketReply(r, avatars)) : toMyReplies(replies, avatars) };
  }

  /** PATCH /api/tickets/:id: a requester closes their ticket; agents change anything. */
  update(
    auth: AuthContext,
    id: string,
    dto: UpdateTicketDto,
    meta: RequestMeta,
  ): Promise<MyTicketDetailResponse | TicketDetailResponse> {
    if (isStaff(auth)) return this.staffUpdate(auth, id, dto, meta);
    const requested = Object.entries(dto).filter(([, value]) => value !== undefined);
    if (requested.some(([key]) => key !== 'status') || (dto.status && dto.status !== TicketStatus.Closed)) {
      throw new SupportException(
        SupportErrorCode.FieldNotAllowed,
        'You can close your ticket; our team changes the rest',
      );
    }
    return this.closeMine(auth, id, { status: TicketStatus.Closed }, meta);
  }

  /** A requester closes their own ticket (it becomes read-only). */
  async closeMine(
    auth: AuthContext,
    id: string,
    _dto: UpdateOwnTicketDto,
    meta: RequestMeta,
  ): Promise<MyTicketDetailResponse> {
    const ticket = await this.requireOwnTicket(auth, id);
    if (ticket.status === TicketStatus.Closed) throw ticketClosed();
    const actor = await this.actorOf(auth);
    await this.dataSource.transaction(async (manager) => {
      await this.applyChanges(manager, ticket, { status: TicketStatus.Closed }, actor, auth, meta);
    });
    await this.notifier.ticketChanged(ticket, TicketChange.Updated, auth.userId);
    return this.getMine(auth, id);
  }

  /** A reply from either side; agents may write internal notes. */
  async reply(auth: AuthContext, id: string, dto: CreateReplyDto): Promise<TicketReplyResponse | MyReplyResponse> {
    const ticket = await this.requireTicketAccess(auth, id);
    const staff = isStaff(auth);
    const internal = dto.internal === true;
    if (internal && !staff) {
      throw new SupportException(
        SupportErrorCode.InternalNoteNotAllowed,
        'Only the support team writes internal notes',
      );
    }
    if (ticket.status === TicketStatus.Closed) throw ticketClosed();
    const actor = await this.actorOf(auth);
    const now = new Date();
    const side = staff && ticket.requesterId !== auth.userId ? ReplyAuthorSide.Agent : ReplyAuthorSide.Requester;
    const reply = Object.assign(new SupportTicketReply(), {
      ticketId: ticket.id,
      authorId: auth.userId,
      authorName: side === ReplyAuthorSide.Agent ? `${actor.name.split(' ')[0]} (Support)` : actor.name,
      side,
      internal,
      body: dto.body,
      createdAt: now,
    });
    let notifications: Notification[] = [];
    let replied = ticket;
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.findTicket(ticket.id, manager);
      if (!current) throw ticketNotFound();
      if (current.status === TicketStatus.Closed) throw ticketClosed();
      await this.repository.insertReply(reply, manager);
      const status = statusAfterReply(current.status, side, internal);
      const changes: Partial<SupportTicket> = { updatedAt: now };
      if (!internal) changes.lastActivityAt = now;
      if (side === ReplyAuthorSide.Agent && !internal && !current.firstResponseAt) changes.firstResponseAt = now;
      if (status !== current.status) {
        Object.assign(changes, { status }, statusTimestamps(current, status, now));
        await this.repository.insertEvents(
          [event(current.id, actor, TicketEventType.Status, current.status, status, now)],
          manager,
        );
        await this.audit.record(
          auth,
          {
            action: AUDIT_TICKET_UPDATED,
            subjectType: 'support_ticket',
            subjectId: current.id,
            ownerId: current.requesterId,
            metadata: { status, reason: 'reply' },
          },
          manager,
        );
      }
      await this.repository.updateTicket(current.id, changes, manager);
      Object.assign(current, changes);
      replied = current;
      if (internal) return;
      if (side === ReplyAuthorSide.Agent) notifications = await this.notifier.agentReplied(manager, current, reply);
      else {
        const assignee = current.assigneeId ? await this.users.findByIds([current.assigneeId], manager) : null;
        notifications = await this.notifier.requesterReplied(
          manager,
          current,
          reply,
          assignee?.get(current.assigneeId!) ?? null,
        );
      }
    });
    await this.notifier.announce(notifications);
    await this.notifier.ticketChanged(
      replied,
      internal
        ? TicketChange.Note
        : side === ReplyAuthorSide.Agent
          ? TicketChange.AgentReplied
          : TicketChange.RequesterReplied,
      auth.userId,
    );
    const avatars = await this.avatarsOf([reply]);
    return staff ? toTicketReply(reply, avatars) : toMyReplies([reply], avatars)[0]!;
  }

  // ---- The public contact form ----

  /**
   * A visitor's message becomes a ticket (linked to the account with that email, if any) and
   * a confirmation email with its number. A filled-in honeypot gets the same "received" answer
   * and nothing is stored; so do no more than the allowed messages per IP and per email.
   */
  async contact(dto: ContactDto, meta: RequestMeta): Promise<ContactReceivedResponse> {
    if (dto.website && dto.website.trim() !== '') return { received: true, ticketNumber: null };
    const retryAfter = await this.throttle.consume(dto.email, meta.ip);
    if (retryAfter > 0) throw contactRateLimited(retryAfter);
    const account = await this.users.findByEmail(dto.email);
    const ticket = await this.open({
      requester: {
        id: account?.id ?? null,
        role: account?.role ?? null,
        name: dto.name,
        email: dto.email,
      },
      subject: dto.subject,
      body: dto.message,
      category: dto.category,
      source: TicketSource.Contact,
    });
    return { received: true, ticketNumber: formatTicketNumber(ticket.number) };
  }

  /** "Leave a message" from the live chat: a ticket carrying the transcript, for the chat module. */
  async createFromChat(input: TicketFromChat): Promise<MyTicketResponse> {
    const user = await this.users.requireUser(input.requesterUserId);
    const ticket = await this.open({
      requester: { id: user.id, role: user.role, name: personName(user), email: user.email },
      subject: input.subject,
      body: input.transcript,
      category: input.category ?? TicketCategory.Other,
      source: TicketSource.Chat,
    });
    return toMyTicket(ticket);
  }

  // ---- Agents and admins ----

  async staffList(auth: AuthContext, query: TicketFilterQuery): Promise<Page<TicketResponse>> {
    const [tickets, total] = await this.repository.pageTickets(this.filterOf(auth, query), {
      skip: query.skip,
      take: query.pageSize,
    });
    return toPage(await this.toTickets(tickets), total, query);
  }

  async staffCreate(auth: AuthContext, dto: StaffCreateTicketDto): Promise<TicketDetailResponse> {
    let requester: Requester;
    if (dto.requesterId) {
      const user = (await this.users.findByIds([dto.requesterId])).get(dto.requesterId);
      if (!user) throw new SupportException(SupportErrorCode.RequesterNotFound, 'No such user to raise the ticket for');
      requester = { id: user.id, role: user.role, name: personName(user), email: user.email };
    } else if (dto.requesterName && dto.requesterEmail) {
      const account = await this.users.findByEmail(dto.requesterEmail);
      requester = {
        id: account?.id ?? null,
        role: account?.role ?? null,
        name: dto.requesterName,
        email: dto.requesterEmail,
      };
    } else {
      const message = 'Give requesterId, or requesterName and requesterEmail';
      throw new SupportException(SupportErrorCode.RequesterRequired, message, [{ field: 'requesterId', message }]);
    }
    const actor = await this.actorOf(auth);
    const ticket = await this.open({
      requester,
      subject: dto.subject,
      body: dto.body,
      category: dto.category,
      priority: dto.priority,
      source: TicketSource.Staff,
      actor,
    });
    return this.staffGet(auth, ticket.id);
  }

  async staffGet(auth: AuthContext, id: string): Promise<TicketDetailResponse> {
    const ticket = await this.requireTicketAccess(auth, id);
    const [replies, history, [mapped]] = await Promise.all([
      this.repository.repliesOf(ticket.id, true),
      this.repository.historyOf(ticket.id),
      this.toTickets([ticket]),
    ]);
    const avatars = await this.avatarsOf(replies);
    return {
      ticket: mapped!,
      replies: replies.map((r) => toTicketReply(r, avatars)),
      history: history.map(toTicketEvent),
    };
  }

  /** The avatars of the staff who wrote these replies (author id to photo URL). */
  private async avatarsOf(replies: readonly SupportTicketReply[]): Promise<Map<string, string | null>> {
    const ids = [
      ...new Set(replies.flatMap((r) => (r.side === ReplyAuthorSide.Agent && r.authorId ? [r.authorId] : []))),
    ];
    if (ids.length === 0) return new Map();
    const users = await this.users.findByIds(ids);
    return new Map([...users].map(([id, user]) => [id, user.avatarUrl]));
  }

  /** Status, priority, category, assignee and tags; each change goes to the history and the audit log. */
  async staffUpdate(
    auth: AuthContext,
    id: string,
    dto: UpdateTicketDto,
    meta: RequestMeta,
  ): Promise<TicketDetailResponse> {
    const ticket = await this.requireTicketAccess(auth, id);
    if (ticket.status === TicketStatus.Closed && !(dto.status && dto.status !== TicketStatus.Closed)) {
      // Closed is read-only; the one way out is an agent reopening it.
      if (Object.values(dto).some((v) => v !== undefined)) throw ticketClosed();
    }
    if (dto.assigneeId) {
      const assignee = (await this.users.findByIds([dto.assigneeId])).get(dto.assigneeId);
      if (!assignee || !STAFF_ROLES.includes(assignee.role)) {
        const message = 'The assignee must be a support agent or an admin';
        throw new SupportException(SupportErrorCode.AssigneeNotStaff, message, [{ field: 'assigneeId', message }]);
      }
    }
    const actor = await this.actorOf(auth);
    let updated = ticket;
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.findTicket(ticket.id, manager);
      if (!current) throw ticketNotFound();
      await this.applyChanges(manager, current, dto, actor, auth, meta);
      updated = current;
      if (dto.note) {
        await this.repository.insertReply(
          Object.assign(new SupportTicketReply(), {
            ticketId: current.id,
            authorId: auth.userId,
            authorName: `${actor.name.split(' ')[0]} (Support)`,
            side: ReplyAuthorSide.Agent,
            internal: true,
            body: dto.note,
            createdAt: new Date(),
          }),
          manager,
        );
      }
    });
    const onlyNote = Object.entries(dto).every(([key, value]) => key === 'note' || value === undefined);
    await this.notifier.ticketChanged(
      updated,
      onlyNote && dto.note ? TicketChange.Note : TicketChange.Updated,
      auth.userId,
    );
    return this.staffGet(auth, id);
  }

  /** Admins only (the route says so); asked for confirmation in the UI, and audited. */
  async remove(auth: AuthContext, id: string, meta: RequestMeta): Promise<DeletedTicketResponse> {
    const ticket = await this.requireTicketAccess(auth, id);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        auth,
        {
          action: AUDIT_TICKET_DELETED,
          subjectType: 'support_ticket',
          subjectId: ticket.id,
          ownerId: ticket.requesterId,
          metadata: { number: formatTicketNumber(ticket.number), subject: ticket.subject },
          ip: meta.ip,
        },
        manager,
      );
      await this.repository.deleteTicket(ticket.id, manager);
    });
    await this.notifier.ticketChanged(ticket, TicketChange.Deleted, auth.userId);
    return { id: ticket.id, deleted: true };
  }

  async search(auth: AuthContext, query: TicketSearchQuery): Promise<Page<TicketResponse>> {
    const words = searchWords(query.q);
    const number = parseTicketNumber(query.q);
    if (words.length === 0 && number === null) {
      const message = 'Search for a ticket number or at least one word of 3 or more letters or digits';
      throw new SupportException(SupportErrorCode.SearchTooShort, message, [{ field: 'q', message }]);
    }
    const [tickets, total] = await this.repository.searchTickets(
      words.length ? words : [String(number)],
      number,
      this.filterOf(auth, query),
      { skip: query.skip, take: query.pageSize },
    );
    return toPage(await this.toTickets(tickets), total, query);
  }

  async stats(query: TicketStatsQuery): Promise<TicketStatsResponse> {
    const now = new Date();
    const to = query.to ?? now;
    const from = query.from ?? new Date(to.getTime() - DEFAULT_STATS_DAYS * 86_400_000);
    if (from.getTime() > to.getTime() || to.getTime() - from.getTime() > MAX_STATS_DAYS * 86_400_000) {
      const message = `from must be before to, at most ${MAX_STATS_DAYS} days apart`;
      throw new SupportException(SupportErrorCode.StatsRangeInvalid, message, [{ field: 'from', message }]);
    }
    const [byStatus, byPriority, byCategory, firstResponse, resolution, backlog, satisfaction, hourly] =
      await Promise.all([
        this.repository.countBy('status', from, to),
        this.repository.countBy('priority', from, to),
        this.repository.countBy('category', from, to),
        this.repository.medianSeconds('firstResponseAt', from, to),
        this.repository.medianSeconds('resolvedAt', from, to),
        this.repository.backlog(now),
        this.satisfaction.between(from, to),
        this.repository.hourly(from, to),
      ]);
    const complete = <T extends string>(keys: readonly T[], counts: { key: string; count: number }[]) =>
      keys.map((key) => ({ key, count: counts.find((c) => c.key === key)?.count ?? 0 }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total: byStatus.reduce((sum, c) => sum + c.count, 0),
      byStatus: complete(Object.values(TicketStatus), byStatus),
      byPriority: complete(Object.values(TicketPriority), byPriority),
      byCategory: complete(Object.values(TicketCategory), byCategory),
      medianFirstResponseSeconds: firstResponse,
      medianResolutionSeconds: resolution,
      backlog,
      satisfaction: {
        average: satisfaction.average === null ? null : Math.round(satisfaction.average * 100) / 100,
        count: satisfaction.count,
      },
      daily: dailySeries(from, to, hourly),
    };
  }

  /** Writes `input` as a ticket that already has a history (demo data, samples); no emails. */
  async importTicket(input: ImportedTicket, manager: EntityManager): Promise<SupportTicket> {
    const replies = input.replies ?? [];
    const lastAt = replies.length ? replies[replies.length - 1]!.at : input.createdAt;
    const settledAt = input.settledAt ?? lastAt;
    const requester: Requester =
      'user' in input.requester
        ? {
            id: input.requester.user.id,
            role: input.requester.user.role,
            name: personName(input.requester.user),
            email: input.requester.user.email,
          }
        : { id: null, role: null, ...input.requester };
    const firstAgentReply = replies.find((r) => r.side === ReplyAuthorSide.Agent && !r.internal);
    const publicReplies = replies.filter((r) => !r.internal);
    const ticket = Object.assign(new SupportTicket(), {
      number: await this.repository.nextNumber(manager),
      subject: input.subject,
      body: input.body,
      category: input.category,
      priority: initialPriority(input.category, input.priority),
      status: input.status,
      source: requester.id ? TicketSource.Web : TicketSource.Contact,
      requesterId: requester.id,
      requesterRole: requester.role,
      requesterName: requester.name,
      requesterEmail: requester.email,
      assigneeId: input.assigneeId ?? null,
      tags: normaliseTags(input.tags ?? []),
      firstResponseAt: firstAgentReply?.at ?? null,
      resolvedAt: [TicketStatus.Resolved, TicketStatus.Closed].includes(input.status) ? settledAt : null,
      closedAt: input.status === TicketStatus.Closed ? settledAt : null,
      lastActivityAt: publicReplies.length ? publicReplies[publicReplies.length - 1]!.at : input.createdAt,
      createdAt: input.createdAt,
      updatedAt: lastAt,
    });
    await this.repository.insertTicket(ticket, manager);
    const system = { id: null, name: requester.name };
    const events = [event(ticket.id, system, TicketEventType.Created, null, TicketStatus.Open, input.createdAt)];
    if (input.status !== TicketStatus.Open) {
      events.push(event(ticket.id, system, TicketEventType.Status, TicketStatus.Open, input.status, settledAt));
    }
    await this.repository.insertEvents(events, manager);
    for (const reply of replies) {
      await this.repository.insertReply(
        Object.assign(new SupportTicketReply(), {
          ticketId: ticket.id,
          authorId: reply.author?.id ?? null,
          authorName:
            reply.side === ReplyAuthorSide.Agent
              ? `${reply.author?.firstName ?? 'Support'} (Support)`
              : reply.author
                ? personName(reply.author)
                : requester.name,
          side: reply.side,
          internal: reply.internal === true,
          body: reply.body,
          createdAt: reply.at,
        }),
        manager,
      );
    }
    return ticket;
  }

  // ---- helpers ----

  private async requireOwnTicket(auth: AuthContext, id: string): Promise<SupportTicket> {
    const ticket = await this.repository.findTicket(id);
    if (!ticket || ticket.requesterId !== auth.userId) throw ticketNotFound();
    return ticket;
  }

  private async actorOf(auth: AuthContext): Promise<{ id: string; name: string }> {
    const user = await this.users.requireUser(auth.userId);
    return { id: user.id, name: personName(user) };
  }

  private filterOf(auth: AuthContext, query: TicketFilterQuery): TicketFilter {
    return {
      status: query.status,
      priority: query.priority,
      category: query.category,
      assigneeId:
        query.assignee === undefined
          ? undefined
          : query.assignee === 'none'
            ? null
            : query.assignee === 'me'
              ? auth.userId
              : query.assignee,
      requesterRole: query.requesterRole,
      from: query.from,
      to: query.to,
    };
  }

  private async toTickets(tickets: SupportTicket[]): Promise<TicketResponse[]> {
    const people = await this.users.findByIds(tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])));
    return tickets.map((t) => toTicket(t, people));
  }

  /**
   * Writes a new ticket (numbered), its history entry, the confirmation email and, for
   * safeguarding, every admin's alert, in one transaction; a number taken by a concurrent
   * request is retried with the next one.
   */
  private async open(input: NewTicket): Promise<SupportTicket> {
    for (let attempt = 1; ; attempt++) {
      let notifications: Notification[] = [];
      try {
        const ticket = await this.dataSource.transaction(async (manager) => {
          const now = new Date();
          const created = Object.assign(new SupportTicket(), {
            number: await this.repository.nextNumber(manager),
            subject: input.subject,
            body: input.body,
            category: input.category,
            priority: initialPriority(input.category, input.priority),
            status: TicketStatus.Open,
            source: input.source,
            requesterId: input.requester.id,
            requesterRole: input.requester.role,
            requesterName: input.requester.name,
            requesterEmail: input.requester.email,
            assigneeId: null,
            tags: [],
            firstResponseAt: null,
            resolvedAt: null,
            closedAt: null,
            lastActivityAt: now,
            createdAt: now,
            updatedAt: now,
          });
          await this.repository.insertTicket(created, manager);
          const actor = input.actor ?? { id: input.requester.id, name: input.requester.name };
          await this.repository.insertEvents(
            [event(created.id, actor, TicketEventType.Created, null, TicketStatus.Open, now)],
            manager,
          );
          await this.notifier.received(manager, created);
          if (created.category === TicketCategory.Safeguarding) {
            notifications = await this.notifier.safeguarding(manager, created);
          }
          return created;
        });
        await this.notifier.announce(notifications);
        await this.notifier.ticketChanged(
          ticket,
          TicketChange.Created,
          input.actor ? input.actor.id : input.requester.id,
        );
        return ticket;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }

  /** Applies `changes` to `ticket` in `manager`'s transaction, recording history and audit. */
  private async applyChanges(
    manager: EntityManager,
    ticket: SupportTicket,
    changes: Pick<UpdateTicketDto, 'status' | 'priority' | 'category' | 'assigneeId' | 'tags'>,
    actor: { id: string; name: string },
    auth: AuthContext,
    meta: RequestMeta,
  ): Promise<void> {
    const now = new Date();
    const update: Partial<SupportTicket> = {};
    const events: SupportTicketEvent[] = [];
    const record = (type: TicketEventType, from: string | null, to: string | null) =>
      events.push(event(ticket.id, actor, type, from, to, now));
    if (changes.status && changes.status !== ticket.status) {
      Object.assign(update, { status: changes.status }, statusTimestamps(ticket, changes.status, now));
      record(TicketEventType.Status, ticket.status, changes.status);
    }
    if (changes.priority && changes.priority !== ticket.priority) {
      update.priority = changes.priority;
      record(TicketEventType.Priority, ticket.priority, changes.priority);
    }
    if (changes.category && changes.category !== ticket.category) {
      update.category = changes.category;
      record(TicketEventType.Category, ticket.category, changes.category);
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assigneeId) {
      update.assigneeId = changes.assigneeId;
      const names = await this.users.findByIds(
        [ticket.assigneeId, changes.assigneeId].filter((v): v is string => !!v),
        manager,
      );
      const nameOf = (id: string | null) => (id ? (names.has(id) ? personName(names.get(id)!) : 'Former agent') : null);
      record(TicketEventType.Assignee, nameOf(ticket.assigneeId), nameOf(changes.assigneeId));
    }
    if (changes.tags) {
      const tags = normaliseTags(changes.tags);
      if (tags.join(',') !== ticket.tags.join(',')) {
        update.tags = tags;
        record(TicketEventType.Tags, ticket.tags.join(', ') || null, tags.join(', ') || null);
      }
    }
    if (events.length === 0) return;
    update.updatedAt = now;
    await this.repository.updateTicket(ticket.id, update, manager);
    await this.repository.insertEvents(events, manager);
    await this.audit.record(
      auth,
      {
        action: AUDIT_TICKET_UPDATED,
        subjectType: 'support_ticket',
        subjectId: ticket.id,
        ownerId: ticket.requesterId,
        metadata: Object.fromEntries(events.map((e) => [e.type, e.toValue ?? ''])),
        ip: meta.ip,
      },
      manager,
    );
    Object.assign(ticket, update);
  }
}

/** Folds the hourly aggregates into the UK calendar days of the range (every day listed, empty ones as 0). */
export function dailySeries(from: Date, to: Date, hourly: HourlyCounts): DailyPointResponse[] {
  const days = new Map(daysBetween(from, to).map((date) => [date, { opened: zero(), resolved: zero() }] as const));
  const add = (into: HourCount, hour: HourCount) => {
    into.count += hour.count;
    into.timed += hour.timed;
    into.seconds += hour.seconds;
  };
  for (const hour of hourly.opened) {
    const day = days.get(ukDayOf(hour.hour));
    if (day) add(day.opened, hour);
  }
  for (const hour of hourly.resolved) {
    const day = days.get(ukDayOf(hour.hour));
    if (day) add(day.resolved, hour);
  }
  const average = (c: HourCount) => (c.timed === 0 ? null : Math.round(c.seconds / c.timed));
  return [...days].map(([date, { opened, resolved }]) => ({
    date,
    created: opened.count,
    resolved: resolved.count,
    averageFirstResponseSeconds: average(opened),
    averageResolutionSeconds: average(resolved),
  }));
}

const zero = (): HourCount => ({ hour: new Date(0), count: 0, timed: 0, seconds: 0 });

function event(
  ticketId: string,
  actor: { id: string | null; name: string },
  type: TicketEventType,
  fromValue: string | null,
  toValue: string | null,
  createdAt: Date,
): SupportTicketEvent {
  return Object.assign(new SupportTicketEvent(), {
    ticketId,
    actorId: actor.id,
    actorName: actor.name,
    type,
    fromValue,
    toValue,
    createdAt,
  });
}
