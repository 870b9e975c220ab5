import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';

/** The parent area's pages, as the dashboard lists them. */
const PARENT_LINKS: readonly LinkCard[] = [
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
];

@Component({
  selector: 'app-parent-dashboard',
  imports: [DashboardShell, LinkCards, MatIconModule],
  template: `
    <app-dashboard-shell heading="Parent dashboard" intro="Find childcare near you and keep track of your bookings.">
      <app-link-cards heading="Your family" [links]="links" />
      <section class="section coming" aria-labelledby="coming-title">
        <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
        <div>
          <h2 id="coming-title">Coming soon</h2>
          <p class="muted">Searching for childminders, messages and bookings will appear here.</p>
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
export class ParentDashboard {
  protected readonly links = PARENT_LINKS;
}
