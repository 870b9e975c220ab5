import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Loadable } from '@shared/loadable/loadable';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminPeopleApi, type Dashboard, ROLE_LABELS } from '../users/admin-users-api';
import { formatPence } from '@shared/money/format-pence';
import { daysBetween, describeCounts, toSeries, total } from './dashboard-figures';
import { TrendChart } from './trend-chart';
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

const PEOPLE_LINKS: readonly LinkCard[] = [
  {
    path: '/admin/users',
    label: 'Users',
    icon: 'group',
    description: 'Find anyone by name, email or postcode; create, edit, suspend or erase an account.',
  },
  {
    path: '/admin/email',
    label: 'Email users',
    icon: 'campaign',
    description: 'Write to one user or a group (role, plan, area), preview it, send it through the outbox.',
  },
  {
    path: '/admin/email-outbox',
    label: 'Email outbox',
    icon: 'outbox',
    description: 'Every email the platform sent or is about to send, and any that failed.',
  },
  {
    path: '/admin/security-settings',
    label: 'Security settings',
    icon: 'admin_panel_settings',
    description: 'Password rules, session lengths, lockout, two-step verification for admins.',
  },
  {
    path: '/admin/settings',
    label: 'My admin settings',
    icon: 'tune',
    description: 'Which admin events reach you by email and in the app; your profile.',
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
    path: '/admin/monitoring',
    label: 'Monitoring',
    icon: 'monitor_heart',
    description: 'Response times, errors and the servers running, live.',
  },
  {
    path: '/admin/logs',
    label: 'Logs',
    icon: 'receipt_long',
    description: 'Warnings, errors and audit events, with filters.',
  },
  {
    path: '/admin/backups',
    label: 'Backups',
    icon: 'backup',
    description: 'Back up now, the schedule and history, and restore.',
  },
  {
    path: '/admin/maintenance',
    label: 'Maintenance mode',
    icon: 'construction',
    description: 'Close the site to everyone but admins, with a message.',
  },
  {
    path: '/admin/jobs',
    label: 'Scheduled jobs',
    icon: 'event_repeat',
    description: 'What the server does on its own and when, how the recent runs went; run a job now.',
  },
];

const RANGES = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;

const BOOKING_LABELS: Record<string, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  expired: 'Expired',
  completed: 'Completed',
};

/** `/admin`: the platform's figures for a range, with charts, and every admin page. */
@Component({
  selector: 'app-admin-dashboard',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    DashboardShell,
    LinkCards,
    ErrorState,
    LoadingState,
    TrendChart,
    PaymentsSetupNotice,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminDashboard {
  private readonly api = inject(AdminPeopleApi);

  protected readonly links = ADMIN_LINKS;
  protected readonly peopleLinks = PEOPLE_LINKS;
  protected readonly moderationLinks = MODERATION_LINKS;
  protected readonly bookingLinks = BOOKING_LINKS;
  protected readonly billingLinks = BILLING_LINKS;
  protected readonly operationsLinks = OPERATIONS_LINKS;
  protected readonly ranges = RANGES;
  protected readonly roleLabels: Record<string, string> = ROLE_LABELS;
  protected readonly bookingLabels = BOOKING_LABELS;
  protected readonly describeCounts = describeCounts;
  protected readonly formatPounds = formatPence;
  protected readonly total = total;

  protected rangeDays = 30;
  protected readonly figures = new Loadable<Dashboard>();
  protected readonly days = computed(() => {
    const f = this.figures.value();
    return f ? daysBetween(f.range.from, f.range.to) : [];
  });
  protected readonly signupSeries = computed(() =>
    toSeries(this.figures.value()?.users.signupsDaily ?? [], this.days(), this.roleLabels),
  );
  protected readonly bookingSeries = computed(() =>
    toSeries(this.figures.value()?.bookings.daily ?? [], this.days(), this.bookingLabels),
  );

  constructor() {
    this.loadFigures();
  }

  protected loadFigures(): void {
    const to = new Date();
    const from = new Date(to.getTime() - this.rangeDays * 24 * 3600 * 1000);
    this.figures.load(this.api.dashboard(from.toISOString(), to.toISOString()));
  }
}
