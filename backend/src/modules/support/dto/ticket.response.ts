import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@app/common/pagination/page';
import type { User } from '@app/modules/users/entities/user.entity';
import { ReplyAuthorSide, SupportTicketReply } from '../entities/support-ticket-reply.entity';
import { SupportTicketEvent, TicketEventType } from '../entities/support-ticket-event.entity';
import {
  SupportTicket,
  TicketCategory,
  TicketPriority,
  TicketSource,
  TicketStatus,
} from '../entities/support-ticket.entity';
import { formatTicketNumber } from '../ticket-rules';

// ---- What a requester sees: never internal notes, tags, assignee details or history ----

export class MyTicketResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CC-1042' }) number: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: TicketCategory }) category: TicketCategory;
  @ApiProperty({ enum: TicketPriority }) priority: TicketPriority;
  @ApiProperty({ enum: TicketStatus }) status: TicketStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
}

export class MyTicketPageResponse extends PageResponse {
  @ApiProperty({ type: [MyTicketResponse] }) items: MyTicketResponse[];
}

export class MyReplyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ReplyAuthorSide }) side: ReplyAuthorSide;
  @ApiProperty({ example: 'Sam (Support)' }) authorName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The staff author's photo (their avatar); null for requesters' replies and staff without one",
  })
  authorAvatarUrl: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MyTicketDetailResponse {
  @ApiProperty({ type: MyTicketResponse }) ticket: MyTicketResponse;
  @ApiProperty({ type: [MyReplyResponse], description: 'Oldest first' }) replies: MyReplyResponse[];
}

// ---- What agents and admins see ----

export class TicketPersonResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true, description: 'parent, childminder, ... or null for a visitor' })
  role: string | null;
}

export class TicketAssigneeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class TicketResponse extends MyTicketResponse {
  @ApiProperty({ enum: TicketSource }) source: TicketSource;
  @ApiProperty({ type: TicketPersonResponse }) requester: TicketPersonResponse;
  @ApiProperty({ type: TicketAssigneeResponse, nullable: true }) assignee: TicketAssigneeResponse | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstResponseAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class TicketPageResponse extends PageResponse {
  @ApiProperty({ type: [TicketResponse] }) items: TicketResponse[];
}

export class TicketReplyResponse extends MyReplyResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ description: 'An internal note: never shown to the requester' }) internal: boolean;
}

export class TicketEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TicketEventType }) type: TicketEventType;
  @ApiProperty() actorName: string;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TicketDetailResponse {
  @ApiProperty({ type: TicketResponse }) ticket: TicketResponse;
  @ApiProperty({ type: [TicketReplyResponse], description: 'Oldest first, internal notes included' })
  replies: TicketReplyResponse[];
  @ApiProperty({ type: [TicketEventResponse], description: 'Oldest first' }) history: TicketEventResponse[];
}

/** GET /api/tickets/:id answers with one shape or the other depending on who asks. */
export class TicketReplyListResponse {
  @ApiProperty({ type: [TicketReplyResponse], description: 'Oldest first; requesters never see internal notes' })
  items: TicketReplyResponse[] | MyReplyResponse[];
}

export class ContactReceivedResponse {
  @ApiProperty() received: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'CC-1042', description: 'Also emailed to you' })
  ticketNumber: string | null;
}

export class DeletedTicketResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() deleted: boolean;
}

export class CountByKeyResponse {
  @ApiProperty() key: string;
  @ApiProperty() count: number;
}

export class BacklogResponse {
  @ApiProperty() upTo1Day: number;
  @ApiProperty() days1To3: number;
  @ApiProperty() days3To7: number;
  @ApiProperty() older: number;
}

/** One UK calendar day (Europe/London) of the range. */
export class DailyPointResponse {
  @ApiProperty({ example: '2026-12-01', description: 'The UK calendar day' }) date: string;
  @ApiProperty({ description: 'Tickets opened that day' }) created: number;
  @ApiProperty({ description: 'Tickets resolved that day' }) resolved: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average seconds to the first agent reply, of the tickets opened that day that have one',
  })
  averageFirstResponseSeconds: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average seconds from opening to resolution, of the tickets resolved that day',
  })
  averageResolutionSeconds: number | null;
}

export class SatisfactionResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'Average rating 1-5; null without ratings' })
  average: number | null;
  @ApiProperty() count: number;
}

export class TicketStatsResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Tickets created in the range' }) total: number;
  @ApiProperty({ type: [CountByKeyResponse] }) byStatus: CountByKeyResponse[];
  @ApiProperty({ type: [CountByKeyResponse] }) byPriority: CountByKeyResponse[];
  @ApiProperty({ type: [CountByKeyResponse] }) byCategory: CountByKeyResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds to the first agent reply' })
  medianFirstResponseSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from creation to resolution' })
  medianResolutionSeconds: number | null;
  @ApiProperty({ type: BacklogResponse, description: 'Open and pending tickets now, by age' }) backlog: BacklogResponse;
  @ApiProperty({ type: SatisfactionResponse, description: 'Live chat ratings in the range' })
  satisfaction: SatisfactionResponse;
  @ApiProperty({ type: [DailyPointResponse] }) daily: DailyPointResponse[];
}

// ---- Mappers ----

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const nameOf = (user: User) => `${user.firstName} ${user.lastName}`.trim();

export const toMyTicket = (t: SupportTicket): MyTicketResponse => ({
  id: t.id,
  number: formatTicketNumber(t.number),
  subject: t.subject,
  body: t.body,
  category: t.category,
  priority: t.priority,
  status: t.status,
  createdAt: t.createdAt.toISOString(),
  lastActivityAt: t.lastActivityAt.toISOString(),
});

/** The avatar of a staff reply's author, from `avatars` (author id to photo URL). */
const authorAvatar = (r: SupportTicketReply, avatars: ReadonlyMap<string, string | null>) =>
  r.side === ReplyAuthorSide.Agent && r.authorId ? (avatars.get(r.authorId) ?? null) : null;

/** A reply as the requester sees it. Callers pass only public replies; this re-checks. */
export function toMyReplies(
  replies: readonly SupportTicketReply[],
  avatars: ReadonlyMap<string, string | null> = new Map(),
): MyReplyResponse[] {
  return replies
    .filter((r) => !r.internal)
    .map((r) => ({
      id: r.id,
      side: r.side,
      authorName: r.authorName,
      authorAvatarUrl: authorAvatar(r, avatars),
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    }));
}

export function toTicket(t: SupportTicket, people: Map<string, User>): TicketResponse {
  const assignee = t.assigneeId ? people.get(t.assigneeId) : undefined;
  return {
    ...toMyTicket(t),
    source: t.source,
    requester: { id: t.requesterId, name: t.requesterName, email: t.requesterEmail, role: t.requesterRole },
    assignee: t.assigneeId ? { id: t.assigneeId, name: assignee ? nameOf(assignee) : 'Former agent' } : null,
    tags: t.tags,
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
  };
}

export const toTicketReply = (
  r: SupportTicketReply,
  avatars: ReadonlyMap<string, string | null> = new Map(),
): TicketReplyResponse => ({
  id: r.id,
  side: r.side,
  authorId: r.authorId,
  authorName: r.authorName,
  authorAvatarUrl: authorAvatar(r, avatars),
  internal: Boolean(r.internal),
  body: r.body,
  createdAt: r.createdAt.toISOString(),
});

export const toTicketEvent = (e: SupportTicketEvent): TicketEventResponse => ({
  id: e.id,
  type: e.type,
  actorName: e.actorName,
  from: e.fromValue,
  to: e.toValue,
  createdAt: e.createdAt.toISOString(),
});

export const personName = nameOf;
