import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../childminder/documents/document-types';
import type {
  ComplianceCounts,
  ComplianceRequirement,
  ComplianceStatus,
  ExpirationRun,
  UpdateRequirementRequest,
} from './admin-compliance-api';

/** In the order the page shows them: best first. */
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = ['compliant', 'expiring', 'non_compliant'];

export const COMPLIANCE_STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  compliant: 'Compliant',
  expiring: 'Expiring soon',
  non_compliant: 'Non-compliant',
};

/** The limits the server validates, checked in the forms first. */
export const REQUIREMENT_LIMITS = {
  minValidityMonths: 1,
  maxValidityMonths: 240,
  minReminderDay: 1,
  maxReminderDay: 366,
  maxReminders: 10,
} as const;

export const OVERRIDE_REASON_LIMITS = { min: 3, max: 1000 } as const;

/** "1 day", "3 documents". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The label of a document type, or the raw type when the server knows one the app does not. */
export function documentTypeLabel(type: string): string {
  return Object.hasOwn(DOCUMENT_TYPE_LABELS, type) ? DOCUMENT_TYPE_LABELS[type as DocumentType] : type;
}

/** "No expiry", "1 month", "36 months". */
export function formatValidity(months: number | null | undefined): string {
  return months === null || months === undefined ? 'No expiry' : plural(months, 'month');
}

/** "No reminders", "7 days before", "30, 14 and 7 days before" (largest first, as they are sent). */
export function formatReminderDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => b - a);
  if (sorted.length === 0) return 'No reminders';
  const unit = sorted.length === 1 && sorted[0] === 1 ? 'day' : 'days';
  const list = sorted.length === 1 ? `${sorted[0]}` : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
  return `${list} ${unit} before`;
}

/** The reminder days as the form shows them: "30, 14, 7". */
export function reminderDaysText(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join(', ');
}

export type ReminderDaysParse = { days: number[]; error: null } | { days: null; error: string };

/**
 * Reads "30, 14, 7" (commas or spaces) into unique whole days, largest first. Empty means no
 * reminders. The error is a sentence for the form field.
 */
export function parseReminderDays(text: string): ReminderDaysParse {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const { minReminderDay: min, maxReminderDay: max, maxReminders } = REQUIREMENT_LIMITS;
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { days: null, error: `“${part}” is not a whole number of days` };
    const day = Number(part);
    if (day < min || day > max) return { days: null, error: `Each reminder must be between ${min} and ${max} days` };
    if (!days.includes(day)) days.push(day);
  }
  if (days.length > maxReminders) return { days: null, error: `Enter at most ${maxReminders} reminders` };
  return { days: days.sort((a, b) => b - a), error: null };
}

/** "expires today", "expires tomorrow", "expires in 12 days", "expired yesterday", "expired 3 days ago". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'expires today';
  if (daysLeft === 1) return 'expires tomorrow';
  if (daysLeft > 1) return `expires in ${daysLeft} days`;
  if (daysLeft === -1) return 'expired yesterday';
  return `expired ${-daysLeft} days ago`;
}

export interface StatusBar {
  status: ComplianceStatus;
  label: string;
  count: number;
  /** Share of all childminders, 0-100, rounded to one decimal place (0 when there are none). */
  percent: number;
}

export interface ComplianceSummary {
  total: number;
  bars: StatusBar[];
  /** One sentence for screen readers and the bar chart's title. */
  description: string;
}

/** The at-a-glance bars: each status's count and share, in a fixed order. */
export function summariseCounts(counts: ComplianceCounts): ComplianceSummary {
  const total = COMPLIANCE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const bars = COMPLIANCE_STATUSES.map((status) => ({
    status,
    label: COMPLIANCE_STATUS_LABELS[status],
    count: counts[status],
    percent: total === 0 ? 0 : Math.round((counts[status] / total) * 1000) / 10,
  }));
  const description =
    total === 0
      ? 'No childminders yet.'
      : `${plural(total, 'childminder')}: ${bars.map((bar) => `${bar.count} ${bar.label.toLowerCase()}`).join(', ')}.`;
  return { total, bars, description };
}

/** What a manual expiry check did, as one sentence to announce. */
export function describeExpirationRun(run: ExpirationRun): string {
  if (!run.ran) return 'The expiry check is already running elsewhere; nothing was sent this time.';
  const parts = [
    plural(run.remindersSent, 'reminder') + ' sent',
    plural(run.expiredDocuments, 'expired document') + ' found',
    plural(run.expiryNoticesSent, 'expiry notice') + ' sent',
  ];
  return `Expiry check finished: ${parts.join(', ')}.`;
}

/**
 * The PATCH body for a requirement: its id and only what changed, so the audit log shows the real
 * change. Just `{ id }` means there is nothing to save.
 */
export function requirementChanges(
  current: ComplianceRequirement,
  next: Pick<ComplianceRequirement, 'mandatory' | 'validityMonths' | 'reminderDays' | 'active'>,
): UpdateRequirementRequest {
  const changes: UpdateRequirementRequest = { id: current.id };
  if (next.mandatory !== current.mandatory) changes.mandatory = next.mandatory;
  if (next.validityMonths !== current.validityMonths) changes.validityMonths = next.validityMonths;
  if (reminderDaysText(next.reminderDays) !== reminderDaysText(current.reminderDays)) {
    changes.reminderDays = [...next.reminderDays].sort((a, b) => b - a);
  }
  if (next.active !== current.active) changes.active = next.active;
  return changes;
}
