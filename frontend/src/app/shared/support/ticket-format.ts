import type { TicketCategory, TicketPriority, TicketStatus } from '@core/api/api-types';

export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const TICKET_CATEGORIES: readonly TicketCategory[] = [
  'account',
  'booking',
  'payment',
  'safeguarding',
  'technical',
  'other',
];

/** What a requester reads for each status (agents see the same words). */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  pending: 'Waiting for you',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** The console's wording: "pending" means waiting on the requester. */
export const CONSOLE_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  pending: 'Pending (waiting on requester)',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  account: 'My account',
  booking: 'A booking',
  payment: 'Payments and plans',
  safeguarding: 'Safeguarding concern',
  technical: 'Something is not working',
  other: 'Something else',
};

/** "3 h 20 min", "2 d 4 h", "45 min" for a number of seconds; an em dash for none. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "7 Dec 2026, 14:05" in UK time. */
export function formatTicketTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(iso));
}
