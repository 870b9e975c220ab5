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
  ukDayBoundary,
  ukDayOf,
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
  it('lists every UK day of the range, both ends included', () => {
    expect(daysBetween(new Date('2020-02-28T10:00:00Z'), new Date('2020-03-01T09:00:00Z'))).toEqual([
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
    ]);
  });

  it('counts a summer evening after 23:00 UTC as the next UK day', () => {
    expect(daysBetween(new Date('2021-06-01T23:30:00Z'), new Date('2021-06-02T22:59:00Z'))).toEqual(['2021-06-02']);
  });

  it('has no gap or repeat across the clock changes', () => {
    const spring = daysBetween(ukDayBoundary('2021-03-27', 'start'), ukDayBoundary('2021-03-29', 'end'));
    expect(spring).toEqual(['2021-03-27', '2021-03-28', '2021-03-29']);
    const autumn = daysBetween(ukDayBoundary('2021-10-30', 'start'), ukDayBoundary('2021-11-01', 'end'));
    expect(autumn).toEqual(['2021-10-30', '2021-10-31', '2021-11-01']);
  });
});

describe('ukDayBoundary', () => {
  it('starts and ends UK days in GMT and in BST, the clock-change days 23 and 25 hours long', () => {
    expect(ukDayBoundary('2021-01-10', 'start').toISOString()).toBe('2021-01-10T00:00:00.000Z');
    expect(ukDayBoundary('2021-07-10', 'start').toISOString()).toBe('2021-07-09T23:00:00.000Z');
    expect(ukDayBoundary('2021-07-10', 'end').toISOString()).toBe('2021-07-10T22:59:59.999Z');
    const length = (d: string) => ukDayBoundary(d, 'end').getTime() + 1 - ukDayBoundary(d, 'start').getTime();
    expect(length('2021-03-28')).toBe(23 * 3_600_000);
    expect(length('2021-10-31')).toBe(25 * 3_600_000);
  });

  it('gives an invalid date for a day that does not exist', () => {
    expect(Number.isNaN(ukDayBoundary('2021-02-30', 'start').getTime())).toBe(true);
  });
});

describe('ukDayOf', () => {
  it('reads the UK day either side of midnight in both seasons', () => {
    expect(ukDayOf(new Date('2021-03-27T23:30:00Z'))).toBe('2021-03-27');
    expect(ukDayOf(new Date('2021-03-28T23:30:00Z'))).toBe('2021-03-29');
    expect(ukDayOf(new Date('2021-10-30T23:30:00Z'))).toBe('2021-10-31');
    expect(ukDayOf(new Date('2021-10-31T23:30:00Z'))).toBe('2021-10-31');
  });
});
