import { ReplyAuthorSide } from './entities/support-ticket-reply.entity';
import { TicketCategory, TicketPriority, TicketStatus } from './entities/support-ticket.entity';
import {
  backlogBucketOf,
  daysBetween,
  formatTicketNumber,
  initialPriority,
  normaliseTags,
  parseTicketNumber,
  statusAfterReply,
  statusTimestamps,
} from './ticket-rules';

describe('ticket numbers', () => {
  it('reads and writes CC-1042', () => {
    expect(formatTicketNumber(1042)).toBe('CC-1042');
    expect(parseTicketNumber('CC-1042')).toBe(1042);
    expect(parseTicketNumber(' cc1042 ')).toBe(1042);
    expect(parseTicketNumber('1042')).toBe(1042);
    expect(parseTicketNumber('refund')).toBeNull();
    expect(parseTicketNumber('CC-')).toBeNull();
  });
});

describe('initialPriority', () => {
  it('makes safeguarding urgent whatever was asked', () => {
    expect(initialPriority(TicketCategory.Safeguarding)).toBe(TicketPriority.Urgent);
    expect(initialPriority(TicketCategory.Safeguarding, TicketPriority.Low)).toBe(TicketPriority.Urgent);
  });

  it('keeps the requested priority, normal by default', () => {
    expect(initialPriority(TicketCategory.Payment)).toBe(TicketPriority.Normal);
    expect(initialPriority(TicketCategory.Payment, TicketPriority.High)).toBe(TicketPriority.High);
  });
});

describe('statusAfterReply', () => {
  const { Requester, Agent } = ReplyAuthorSide;
  it.each([
    [TicketStatus.Resolved, Requester, false, TicketStatus.Open],
    [TicketStatus.Pending, Requester, false, TicketStatus.Open],
    [TicketStatus.Open, Requester, false, TicketStatus.Open],
    [TicketStatus.Open, Agent, false, TicketStatus.Pending],
    [TicketStatus.Resolved, Agent, false, TicketStatus.Resolved],
    [TicketStatus.Open, Agent, true, TicketStatus.Open],
    [TicketStatus.Resolved, Agent, true, TicketStatus.Resolved],
    [TicketStatus.Closed, Requester, false, TicketStatus.Closed],
  ])('%s + a reply from the %s (internal: %s) is %s', (current, side, internal, expected) => {
    expect(statusAfterReply(current, side, internal)).toBe(expected);
  });
});

describe('statusTimestamps', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const earlier = new Date('2026-12-06T12:00:00Z');

  it('stamps resolution and closing, keeping the first instant', () => {
    expect(
      statusTimestamps({ status: TicketStatus.Open, resolvedAt: null, closedAt: null }, TicketStatus.Resolved, now),
    ).toEqual({
      resolvedAt: now,
      closedAt: null,
    });
    expect(
      statusTimestamps(
        { status: TicketStatus.Resolved, resolvedAt: earlier, closedAt: null },
        TicketStatus.Closed,
        now,
      ),
    ).toEqual({ resolvedAt: earlier, closedAt: now });
  });

  it('clears both when a ticket is reopened', () => {
    expect(
      statusTimestamps({ status: TicketStatus.Resolved, resolvedAt: earlier, closedAt: null }, TicketStatus.Open, now),
    ).toEqual({ resolvedAt: null, closedAt: null });
  });
});

describe('normaliseTags', () => {
  it('trims, lower-cases, drops duplicates and invalid tags, keeps at most ten', () => {
    expect(normaliseTags([' Billing ', 'billing', 'refund', 'no spaces allowed', ''])).toEqual(['billing', 'refund']);
    expect(normaliseTags(Array.from({ length: 12 }, (_, i) => `t${i}`))).toHaveLength(10);
  });
});

describe('backlogBucketOf', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  it.each([
    [0, 'upTo1Day'],
    [23.9, 'upTo1Day'],
    [24, 'days1To3'],
    [71.9, 'days1To3'],
    [72, 'days3To7'],
    [167.9, 'days3To7'],
    [168, 'older'],
  ])('%s hours old is %s', (hours, bucket) => {
    expect(backlogBucketOf(ago(hours), now)).toBe(bucket);
  });
});

describe('daysBetween', () => {
  it('lists every UTC day of the range, both ends included', () => {
    expect(daysBetween(new Date('2020-02-28T10:00:00Z'), new Date('2020-03-01T09:00:00Z'))).toEqual([
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
    ]);
  });
});
