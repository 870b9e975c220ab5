import type { BookingChild } from '@core/api/api-types';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  describeChildren,
  formatHours,
  formatPence,
  formatSession,
  messageParentLink,
  sortPendingFirst,
} from './booking-format';

const child = (firstName: string, ageGroup: BookingChild['ageGroup']): BookingChild => ({
  id: firstName,
  firstName,
  ageGroup,
  details: null,
});

describe('booking labels', () => {
  it('names every status, and offers each once in the filter', () => {
    expect(BOOKING_STATUS_LABELS.pending).toBe('Waiting for an answer');
    expect(BOOKING_STATUS_LABELS.rejected).toBe('Declined');
    expect(new Set(BOOKING_STATUSES).size).toBe(Object.keys(BOOKING_STATUS_LABELS).length);
    expect(BOOKING_STATUSES[0]).toBe('pending');
  });
});

describe('formatPence', () => {
  it('shows integer pence as pounds', () => {
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(1950)).toBe('£19.50');
    expect(formatPence(123456)).toBe('£1,234.56');
  });
});

describe('formatSession', () => {
  it('shows a session in UK time, GMT and BST alike', () => {
    expect(formatSession({ startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-01T12:00:00Z' })).toBe(
      'Tue 1 Dec 2026, 09:00–12:00',
    );
    expect(formatSession({ startsAt: '2026-07-01T08:00:00Z', endsAt: '2026-07-01T11:30:00Z' })).toBe(
      'Wed 1 Jul 2026, 09:00–12:30',
    );
  });

  it('is empty for a broken time', () => {
    expect(formatSession({ startsAt: 'nonsense', endsAt: '2026-07-01T11:30:00Z' })).toBe('');
  });
});

describe('describeChildren', () => {
  it('names the children with their age group when known', () => {
    expect(describeChildren([child('Maya', 'toddler'), child('Sam', null)])).toBe('Maya (Toddler (1–2)), Sam');
    expect(describeChildren([])).toBe('No children named');
  });
});

describe('formatHours', () => {
  it('says hours', () => {
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(2.5)).toBe('2.5 hours');
    expect(formatHours(10)).toBe('10 hours');
  });
});

describe('sortPendingFirst', () => {
  it('puts pending requests first, soonest first, and keeps the order of the rest', () => {
    const list = [
      { id: 'a', status: 'confirmed' as const, startsAt: '2026-12-10T09:00:00Z' },
      { id: 'b', status: 'pending' as const, startsAt: '2026-12-09T09:00:00Z' },
      { id: 'c', status: 'cancelled' as const, startsAt: '2026-12-08T09:00:00Z' },
      { id: 'd', status: 'pending' as const, startsAt: '2026-12-01T09:00:00Z' },
    ];
    expect(sortPendingFirst(list).map((b) => b.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('messageParentLink', () => {
  it('opens the messages page on the parent', () => {
    expect(messageParentLink({ parent: { id: 'u1', firstName: 'Jane', lastName: 'Smith' } })).toEqual({
      path: '/childminder/messages',
      queryParams: { to: 'u1', name: 'Jane Smith' },
    });
  });
});
