import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ChildminderStats } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import type { OwnCompliance } from '@core/api/api-types';
import { ChildminderBookingsApi } from '../bookings/bookings-api';
import { COMPLIANCE_STATUS_LABELS, summariseCompliance } from '../documents/compliance-labels';
import { DocumentsApi } from '../documents/documents-api';
import { completenessPercent, countOf, subscriptionLabel } from './dashboard-stats';

/** Bookings and availability, as the dashboard lists them. */
const BOOKING_LINKS: readonly LinkCard[] = [
  {
    path: '/childminder/bookings',
    label: 'Bookings',
    icon: 'event_note',
    description: 'Answer requests from parents; see and cancel your bookings.',
  },
  {
    path: '/childminder/availability',
    label: 'Availability',
    icon: 'edit_calendar',
    description: 'When parents can book you, and your time off, repeating weekly if you like.',
  },
  {
    path: '/childminder/calendar',
    label: 'Calendar',
    icon: 'calendar_month',
    description: 'Your availability and bookings by month or week.',
  },
  {
    path: '/childminder/last-minute',
    label: 'Last-minute places',
    icon: 'bolt',
    description: 'Publish a place that just came free; confirm returning families automatically.',
  },
];

/** The area's other pages. */
const CHILDMINDER_LINKS: readonly LinkCard[] = [
  {
    path: '/childminder/messages',
    label: 'Messages',
    icon: 'forum',
    description: 'Answer parents who have contacted you.',
  },
  {
    path: '/childminder/profile',
    label: 'Your profile',
    icon: 'badge',
    description: 'What parents see in search: care, hours, Ofsted and places.',
  },
  {
    path: '/childminder/documents',
    label: 'Compliance',
    icon: 'verified',
    description: 'Ofsted, DBS, first aid and insurance: upload them and follow their review.',
  },
  {
    path: '/childminder/reviews',
    label: 'Reviews',
    icon: 'rate_review',
    description: 'What parents said after their bookings, and your replies.',
  },
  {
    path: '/childminder/help',
    label: 'Help',
    icon: 'support_agent',
    description: 'Ask our support team and read their answers.',
  },
];

@Component({
  selector: 'app-childminder-dashboard',
  imports: [
    DashboardShell,
    LinkCards,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ErrorState,
    LoadingState,
  ],
  template: `
    <app-dashboard-shell heading="Childminder dashboard" intro="Manage your listing, availability and bookings.">
      <section class="section" aria-labelledby="overview-title">
        <h2 id="overview-title">At a glance</h2>
        @if (loadError(); as message) {
          <app-error-state title="We couldn't load your figures" [message]="message" (retry)="loadStats()" />
        } @else if (stats(); as s) {
          <ul class="stats">
            <li class="stat card-surface">
              <a routerLink="/childminder/bookings">
                <span class="stat__value">{{ s.pendingRequests }}</span>
                <span class="stat__label"
                  >{{ s.pendingRequests === 1 ? 'request' : 'requests' }} waiting for an answer</span
                >
              </a>
            </li>
            <li class="stat card-surface">
              <a routerLink="/childminder/calendar">
                <span class="stat__value">{{ s.upcomingBookings }}</span>
                <span class="stat__label"
                  >upcoming confirmed {{ s.upcomingBookings === 1 ? 'booking' : 'bookings' }}</span
                >
              </a>
            </li>
            <li class="stat card-surface">
              <a routerLink="/childminder/messages">
                <span class="stat__value">{{ s.unreadMessages }}</span>
                <span class="stat__label">unread {{ s.unreadMessages === 1 ? 'message' : 'messages' }}</span>
              </a>
            </li>
            <li class="stat card-surface">
              <span class="stat__value stat__value--text">{{ plan() }}</span>
              <span class="stat__label">subscription · {{ children() }} in your care</span>
            </li>
          </ul>
          <div class="completeness card-surface">
            <div class="completeness__head">
              <h3 id="completeness-title">Profile {{ percent() }}% complete</h3>
              <a mat-button routerLink="/childminder/profile">{{
                s.profileComplete ? 'Edit profile' : 'Complete your profile'
              }}</a>
            </div>
            <mat-progress-bar mode="determinate" [value]="percent()" aria-labelledby="completeness-title" />
            <p class="muted">
              {{
                s.profileComplete
                  ? 'Your profile has every item it needs to be listed in search.'
                  : 'Parents find you in search once every required profile item is filled in.'
              }}
            </p>
          </div>
          @if (compliance(); as c) {
            <div class="compliance card-surface" [class.compliance--problem]="c.status !== 'compliant'">
              <div class="completeness__head">
                <h3 id="compliance-title">
                  <mat-icon aria-hidden="true">{{ c.status === 'compliant' ? 'verified' : 'warning' }}</mat-icon>
                  Compliance: {{ complianceLabels[c.status] }}
                </h3>
                <a mat-button routerLink="/childminder/documents">Open your checklist</a>
              </div>
              <p>{{ complianceSummary() }}</p>
            </div>
          }
        } @else {
          <app-loading-state label="Loading your figures…" />
        }
      </section>
      <app-link-cards heading="Bookings and availability" [links]="bookingLinks" />
      <app-link-cards heading="Your listing" [links]="links" />
    </app-dashboard-shell>
  `,
  styles: `
    .section h2 {
      margin: 0 0 12px;
    }
    .stats {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: 12px;
    }
    .stat,
    .stat a {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .stat {
      padding: 16px;
    }
    .stat a {
      color: inherit;
      text-decoration: none;
    }
    .stat a:hover .stat__label {
      text-decoration: underline;
    }
    .stat__value {
      font: var(--mat-sys-display-small);
    }
    .stat__value--text {
      font: var(--mat-sys-title-large);
    }
    .completeness,
    .compliance {
      padding: 16px;
      margin-bottom: 16px;
    }
    .compliance {
      margin-bottom: 32px;
    }
    .compliance h3 {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .compliance--problem {
      border-left: 4px solid var(--mat-sys-error);
    }
    .compliance--problem mat-icon {
      color: var(--mat-sys-error);
    }
    .completeness__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 8px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildminderDashboard {
  private readonly api = inject(ChildminderBookingsApi);
  private readonly documents = inject(DocumentsApi);

  protected readonly links = CHILDMINDER_LINKS;
  protected readonly bookingLinks = BOOKING_LINKS;
  protected readonly stats = signal<ChildminderStats | null>(null);
  protected readonly loadError = signal<string | null>(null);
  /** The server's one compliance status and checklist (as on the Compliance page); null until loaded. */
  protected readonly compliance = signal<OwnCompliance | null>(null);
  protected readonly complianceLabels = COMPLIANCE_STATUS_LABELS;
  protected readonly complianceSummary = computed(() => {
    const compliance = this.compliance();
    return compliance ? summariseCompliance(compliance.checklist) : '';
  });
  protected readonly percent = computed(() => {
    const stats = this.stats();
    return stats ? completenessPercent(stats) : 0;
  });
  protected readonly plan = computed(() => {
    const stats = this.stats();
    return stats ? subscriptionLabel(stats.subscription) : '';
  });
  protected readonly children = computed(() => countOf(this.stats()?.childrenCount ?? 0, 'child', 'children'));

  constructor() {
    this.loadStats();
  }

  protected loadStats(): void {
    this.documents.compliance().subscribe({
      next: (compliance) => this.compliance.set(compliance),
      error: () => this.compliance.set(null),
    });
    this.loadError.set(null);
    this.stats.set(null);
    this.api.stats().subscribe({
      next: (stats) => this.stats.set(stats),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }
}
