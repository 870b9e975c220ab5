import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ParentStats } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';
import { RecommendedForYou } from '../../recommendations/recommended-for-you';
import { BookingsApi } from '../bookings/bookings-api';
import { subscriptionLabel } from './stats-labels';

/** The parent area's pages, as the dashboard lists them. */
const PARENT_LINKS: readonly LinkCard[] = [
  {
    path: '/parent/bookings',
    label: 'Bookings',
    icon: 'event_note',
    description: 'Your requests and booked care: change, cancel or message.',
  },
  {
    path: '/parent/calendar',
    label: 'Calendar',
    icon: 'calendar_month',
    description: 'Your children’s care by month, week or as a list.',
  },
  {
    path: '/parent/favourites',
    label: 'Favourites',
    icon: 'favorite',
    description: 'Childminders you saved, ready to book.',
  },
  {
    path: '/parent/last-minute',
    label: 'Last-minute places',
    icon: 'bolt',
    description: 'Places that just came free near you, and your alerts.',
  },
  {
    path: '/search',
    label: 'Find a childminder',
    icon: 'search',
    description: 'Search by postcode, ages, days and price.',
  },
  {
    path: '/parent/messages',
    label: 'Messages',
    icon: 'forum',
    description: 'Talk to childminders before you book.',
  },
  {
    path: '/parent/children',
    label: 'Your children',
    icon: 'child_care',
    description: 'Ages, needs and allergies, ready for when you book.',
  },
  {
    path: '/parent/help',
    label: 'Help',
    icon: 'support_agent',
    description: 'Ask our support team and read their answers.',
  },
];

/** `/parent`: the figures that need attention, then links to every parent page. */
@Component({
  selector: 'app-parent-dashboard',
  imports: [DashboardShell, LinkCards, MatButtonModule, MatIconModule, RecommendedForYou, RouterLink],
  template: `
    <app-dashboard-shell heading="Parent dashboard" intro="Find childcare near you and keep track of your bookings.">
      <section class="section" aria-labelledby="stats-title">
        <h2 id="stats-title">At a glance</h2>
        @if (error(); as message) {
          <div class="stats-error" role="alert">
            <p>We couldn't load your figures: {{ message }}</p>
            <button mat-stroked-button type="button" (click)="loadStats()">Try again</button>
          </div>
        } @else if (stats(); as s) {
          <ul class="stats">
            <li>
              <a class="stat" routerLink="/parent/bookings" [queryParams]="{ status: 'confirmed' }">
                <span class="stat__value">{{ s.upcomingBookings }}</span>
                <span class="stat__label">upcoming {{ s.upcomingBookings === 1 ? 'booking' : 'bookings' }}</span>
              </a>
            </li>
            <li>
              <a class="stat" routerLink="/parent/bookings" [queryParams]="{ status: 'pending' }">
                <span class="stat__value">{{ s.pendingRequests }}</span>
                <span class="stat__label">pending {{ s.pendingRequests === 1 ? 'request' : 'requests' }}</span>
              </a>
            </li>
            <li>
              <a class="stat" routerLink="/parent/children">
                <span class="stat__value">{{ s.childrenCount }}</span>
                <span class="stat__label">{{ s.childrenCount === 1 ? 'child' : 'children' }}</span>
              </a>
            </li>
            <li>
              <a class="stat" routerLink="/parent/messages">
                <span class="stat__value">{{ s.unreadMessages }}</span>
                <span class="stat__label">unread {{ s.unreadMessages === 1 ? 'message' : 'messages' }}</span>
              </a>
            </li>
            <li>
              <a class="stat" routerLink="/billing">
                <span class="stat__value stat__value--text">{{ subscriptionLabel(s.subscription) }}</span>
                <span class="stat__label">subscription</span>
              </a>
            </li>
          </ul>
        } @else {
          <p class="muted" role="status">Loading your figures…</p>
        }
      </section>
      <app-recommended-for-you class="section" />
      <app-link-cards heading="Your family" [links]="links" />
    </app-dashboard-shell>
  `,
  styles: `
    .stats {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 12px;
    }
    .stat {
      display: flex;
      flex-direction: column;
      gap: 2px;
      height: 100%;
      box-sizing: border-box;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .stat:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .stat__value {
      font: var(--mat-sys-headline-medium);
    }
    .stat__value--text {
      font: var(--mat-sys-title-medium);
    }
    .stat__label {
      color: var(--mat-sys-on-surface-variant);
    }
    .stats-error {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .stats-error p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParentDashboard {
  private readonly api = inject(BookingsApi);

  protected readonly links = PARENT_LINKS;
  protected readonly stats = signal<ParentStats | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly subscriptionLabel = subscriptionLabel;

  constructor() {
    this.loadStats();
  }

  protected loadStats(): void {
    this.error.set(null);
    this.stats.set(null);
    this.api.stats().subscribe({
      next: (stats) => this.stats.set(stats),
      error: (error: unknown) => this.error.set(toApiProblem(error).message),
    });
  }
}
