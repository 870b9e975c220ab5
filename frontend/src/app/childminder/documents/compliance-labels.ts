import type { ComplianceChecklistItem, ComplianceStatus, RequirementState } from '@core/api/api-types';
import { formatUkDate } from '@shared/dates/uk-date';

export const COMPLIANCE_STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  compliant: 'Compliant',
  expiring: 'Renewal due soon',
  non_compliant: 'Not compliant yet',
};

export const REQUIREMENT_STATE_ICONS: Readonly<Record<RequirementState, string>> = {
  approved: 'verified',
  expiring: 'schedule',
  pending: 'hourglass_top',
  rejected: 'report',
  expired: 'event_busy',
  missing: 'radio_button_unchecked',
};

/** One line saying where a requirement stands, in words a childminder acts on. */
export function describeRequirement(item: ComplianceChecklistItem): string {
  const until = item.validUntil ? formatUkDate(item.validUntil, 'date') : null;
  switch (item.state) {
    case 'approved':
      return until ? `Approved · valid until ${until}` : 'Approved · does not expire';
    case 'expiring':
      return item.daysLeft === 0
        ? `Approved · expires today (${until})`
        : `Approved · expires in ${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'} (${until}): upload the renewal`;
    case 'pending':
      return 'Uploaded · waiting for our review';
    case 'rejected':
      return 'Rejected · see the reason below and upload a new one';
    case 'expired':
      return until ? `Expired after ${until} · upload the renewed document` : 'Expired · upload the renewed document';
    case 'missing':
      return 'Not uploaded yet';
  }
}

/** Required items that currently count (approved or expiring), out of all required items. */
export function requiredProgress(items: readonly ComplianceChecklistItem[]): { done: number; total: number } {
  const required = items.filter((i) => i.mandatory);
  return {
    done: required.filter((i) => i.state === 'approved' || i.state === 'expiring').length,
    total: required.length,
  };
}

/**
 * One sentence for the dashboard: which required items need action, from the same checklist the
 * Compliance page shows (so the dashboard never says all is well while a certificate has expired).
 */
export function summariseCompliance(items: readonly ComplianceChecklistItem[]): string {
  const required = items.filter((i) => i.mandatory);
  const groups: [RequirementState, string][] = [
    ['expired', 'Expired'],
    ['missing', 'Not uploaded yet'],
    ['rejected', 'Rejected'],
    ['pending', 'Waiting for our review'],
    ['expiring', 'Expiring soon'],
  ];
  const parts = groups.flatMap(([state, heading]) => {
    const labels = required.filter((i) => i.state === state).map((i) => i.label);
    return labels.length ? [`${heading}: ${labels.join(', ')}.`] : [];
  });
  return parts.length ? parts.join(' ') : 'Every required document is approved and in date.';
}
