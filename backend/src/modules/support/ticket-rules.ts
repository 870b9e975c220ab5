import { DateTime } from 'luxon';
import { ReplyAuthorSide } from './entities/support-ticket-reply.entity';
import { SupportTicket, TicketCategory, TicketPriority, TicketStatus } from './entities/support-ticket.entity';

/** Ticket numbers start here, so the first one people see is CC-1001. */
export const FIRST_TICKET_NUMBER = 1001;
export const TICKET_NUMBER_PREFIX = 'CC-';

export const formatTicketNumber = (n: number) => `${TICKET_NUMBER_PREFIX}${n}`;

/** "CC-1042", "cc1042" or "1042" to 1042; null when it is not a ticket number. */
export function parseTicketNumber(text: string): number | null {
  const match = /^\s*(?:cc-?)?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** A safeguarding concern is urgent from the start, whatever was asked for. */
export function initialPriority(category: TicketCategory, requested?: TicketPriority): TicketPriority {
  if (category === TicketCategory.Safeguarding) return TicketPriority.Urgent;
  return requested ?? TicketPriority.Normal;
}

/** Statuses in which a ticket is waiting for someone: the backlog. */
export const OPEN_STATUSES: readonly TicketStatus[] = [TicketStatus.Open, TicketStatus.Pending];

/**
 * The status after a reply: a requester's reply reopens a pending or resolved ticket (they are
 * waiting again); an agent's public reply to an open ticket leaves it pending on the requester.
 * Internal notes change nothing. Closed tickets take no replies at all (checked before).
 */
export function statusAfterReply(current: TicketStatus, side: ReplyAuthorSide, internal: boolean): TicketStatus {
  if (internal || current === TicketStatus.Closed) return current;
  if (side === ReplyAuthorSide.Requester) return TicketStatus.Open;
  return current === TicketStatus.Open ? TicketStatus.Pending : current;
}

/** The timestamps a move to `status` sets or clears. */
export function statusTimestamps(
  ticket: Pick<SupportTicket, 'status' | 'resolvedAt' | 'closedAt'>,
  status: TicketStatus,
  now: Date,
): Pick<SupportTicket, 'resolvedAt' | 'closedAt'> {
  switch (status) {
    case TicketStatus.Resolved:
      return { resolvedAt: ticket.status === TicketStatus.Resolved ? ticket.resolvedAt : now, closedAt: null };
    case TicketStatus.Closed:
      return { resolvedAt: ticket.resolvedAt ?? now, closedAt: ticket.closedAt ?? now };
    default:
      return { resolvedAt: null, closedAt: null };
  }
}

export const MAX_TAGS = 10;
const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** Trimmed, lower-cased, unique tags; throws nothing: invalid input is rejected by the DTO. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => TAG_PATTERN.test(t)))].slice(0, MAX_TAGS);
}
export const isValidTag = (tag: string) => TAG_PATTERN.test(tag.trim().toLowerCase());

/** Backlog age buckets: 0-1 day, 1-3, 3-7, older. */
export const BACKLOG_BUCKETS = [
  { key: 'upTo1Day', maxDays: 1 },
  { key: 'days1To3', maxDays: 3 },
  { key: 'days3To7', maxDays: 7 },
  { key: 'older', maxDays: Infinity },
] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number]['key'];

/** The bucket of a ticket created at `createdAt`, seen at `now`. */
export function backlogBucketOf(createdAt: Date, now: Date): BacklogBucket {
  const days = (now.getTime() - createdAt.getTime()) / 86_400_000;
  return BACKLOG_BUCKETS.find((b) => days < b.maxDays)!.key;
}

/** Support's calendar: days are UK days, whatever the server's zone. */
export const UK_ZONE = 'Europe/London';

/** The UK calendar day (YYYY-MM-DD) of an instant: 23:30 UTC on a summer evening is the next day. */
export const ukDayOf = (instant: Date): string => DateTime.fromJSDate(instant, { zone: UK_ZONE }).toISODate()!;

/**
 * The first or last instant of the UK day `date` (YYYY-MM-DD); an invalid date gives an Invalid
 * Date (rejected by validation). The day of the spring clock change is 23 hours long, October's 25.
 */
export function ukDayBoundary(date: string, edge: 'start' | 'end'): Date {
  const day = DateTime.fromISO(date, { zone: UK_ZONE });
  if (!day.isValid) return new Date(Number.NaN);
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toJSDate();
}

/** Every UK calendar day from the one `from` falls on to the one `to` falls on, as YYYY-MM-DD. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const last = ukDayOf(to);
  let cursor = DateTime.fromJSDate(from, { zone: UK_ZONE }).startOf('day');
  while (cursor.toISODate()! <= last) {
    days.push(cursor.toISODate()!);
    cursor = cursor.plus({ days: 1 });
  }
  return days;
}
