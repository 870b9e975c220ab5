/** Events admins can be told about, with what each admin gets unless they choose otherwise. */
export enum AdminEvent {
  NewTicket = 'new_ticket',
  SafeguardingTicket = 'safeguarding_ticket',
  DocumentAwaitingReview = 'document_awaiting_review',
  PaymentFailed = 'payment_failed',
  JobFailed = 'job_failed',
  BackupFailed = 'backup_failed',
}

export interface AdminEventDefinition {
  event: AdminEvent;
  label: string;
  defaults: { email: boolean; inApp: boolean };
}

export const ADMIN_EVENTS: readonly AdminEventDefinition[] = [
  { event: AdminEvent.NewTicket, label: 'A new support ticket', defaults: { email: false, inApp: true } },
  {
    event: AdminEvent.SafeguardingTicket,
    label: 'A safeguarding ticket',
    defaults: { email: true, inApp: true },
  },
  {
    event: AdminEvent.DocumentAwaitingReview,
    label: 'A document waiting for review',
    defaults: { email: false, inApp: true },
  },
  { event: AdminEvent.PaymentFailed, label: 'A failed payment', defaults: { email: false, inApp: true } },
  { event: AdminEvent.JobFailed, label: 'A scheduled job failed', defaults: { email: true, inApp: true } },
  { event: AdminEvent.BackupFailed, label: 'A backup failed', defaults: { email: true, inApp: true } },
];
