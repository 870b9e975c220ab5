import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';

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
    path: '/admin/jobs',
    label: 'Scheduled jobs',
    icon: 'event_repeat',
    description: 'What the server does on its own and when, how the recent runs went; run a job now.',
  },
];

@Component({
  selector: 'app-admin-dashboard',
  imports: [DashboardShell, LinkCards, MatIconModule],
  template: `
    <app-dashboard-shell heading="Admin dashboard" intro="Run the platform: users, bookings, documents and support.">
      <app-link-cards heading="Verification" [links]="links" />
      <app-link-cards heading="Moderation" [links]="moderationLinks" />
      <app-link-cards heading="Bookings" [links]="bookingLinks" />
      <app-link-cards heading="Billing" [links]="billingLinks" />
      <app-link-cards heading="Operations" [links]="operationsLinks" />
      <section class="section coming" aria-labelledby="coming-title">
        <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
        <div>
          <h2 id="coming-title">Coming soon</h2>
          <p class="muted">Users, support tickets, monitoring and logs will appear here.</p>
        </div>
      </section>
    </app-dashboard-shell>
  `,
  styles: `
    .coming {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      margin-bottom: 32px;
    }
    .coming__icon {
      flex: none;
      color: var(--mat-sys-tertiary);
    }
    p {
      margin: 0;
    }
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
