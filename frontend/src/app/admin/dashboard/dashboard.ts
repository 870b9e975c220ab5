import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '@shared/coming-soon/coming-soon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';
import { PaymentsSetupNotice } from '../setup-notices/payments-setup-notice';

/** The area's pages, as the dashboard lists them. */
const ADMIN_LINKS: readonly LinkCard[] = [
  {
    path: '/admin/documents',
    label: 'Document review',
    icon: 'fact_check',
    description: 'Check uploaded compliance documents; approve or reject them.',
  },
  {
    path: '/admin/compliance',
    label: 'Compliance',
    icon: 'verified_user',
    description: "Childminders' compliance status and overrides, requirements, expiring documents.",
  },
];

const MODERATION_LINKS: readonly LinkCard[] = [
  {
    path: '/admin/messages',
    label: 'Messages',
    icon: 'forum',
    description: 'Browse conversations by participant and date, read one, or search message text (audited).',
  },
];

const BOOKING_LINKS: readonly LinkCard[] = [
  {
    path: '/admin/bookings',
    label: 'Bookings',
    icon: 'event_note',
    description: 'Every booking by status, dates, childminder or parent; open one or cancel it.',
  },
];

const BILLING_LINKS: readonly LinkCard[] = [
  {
    path: '/admin/subscriptions',
    label: 'Subscriptions',
    icon: 'card_membership',
    description: 'Plans and payments: change a plan, extend a trial, cancel or refund.',
  },
];

const OPERATIONS_LINKS: readonly LinkCard[] = [
  {
    path: '/support/tickets',
    label: 'Support tickets',
    icon: 'support_agent',
    description: 'The support console: tickets, internal notes, search and stats.',
  },
  {
    path: '/admin/jobs',
    label: 'Scheduled jobs',
    icon: 'event_repeat',
    description: 'What the server does on its own and when, how the recent runs went; run a job now.',
  },
  {
    path: '/admin/monitoring',
    label: 'Monitoring',
    icon: 'monitoring',
    description: 'Requests, errors and response times per route over every server, with live charts.',
  },
  {
    path: '/admin/logs',
    label: 'Logs',
    icon: 'receipt_long',
    description: 'Warnings, errors and audit events, filtered by severity, user, request id, text or date.',
  },
  {
    path: '/admin/backups',
    label: 'Backups',
    icon: 'backup',
    description: 'Back up now, restore a backup, set the schedule; see every backup with its size and outcome.',
  },
  {
    path: '/admin/maintenance',
    label: 'Maintenance mode',
    icon: 'construction',
    description: 'Close the site to everyone but admins, with a message, and open it again.',
  },
];

@Component({
  selector: 'app-admin-dashboard',
  imports: [DashboardShell, LinkCards, ComingSoon, PaymentsSetupNotice],
  template: `
    <app-dashboard-shell heading="Admin dashboard" intro="Run the platform: users, bookings, documents and support.">
      <app-payments-setup-notice />
      <app-link-cards heading="Verification" [links]="links" />
      <app-link-cards heading="Moderation" [links]="moderationLinks" />
      <app-link-cards heading="Bookings" [links]="bookingLinks" />
      <app-link-cards heading="Billing" [links]="billingLinks" />
      <app-link-cards heading="Operations" [links]="operationsLinks" />
      <app-coming-soon>Users and support tickets will appear here.</app-coming-soon>
    </app-dashboard-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminDashboard {
  protected readonly links = ADMIN_LINKS;
  protected readonly moderationLinks = MODERATION_LINKS;
  protected readonly bookingLinks = BOOKING_LINKS;
  protected readonly billingLinks = BILLING_LINKS;
  protected readonly operationsLinks = OPERATIONS_LINKS;
}
