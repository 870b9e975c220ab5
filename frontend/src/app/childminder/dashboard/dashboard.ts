import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';
import { LinkCard, LinkCards } from '@shared/link-cards/link-cards';

/** The area's pages, as the dashboard lists them. */
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
];

@Component({
  selector: 'app-childminder-dashboard',
  imports: [DashboardShell, LinkCards, MatIconModule],
  template: `
    <app-dashboard-shell heading="Childminder dashboard" intro="Manage your listing, availability and bookings.">
      <app-link-cards heading="Your listing" [links]="links" />
      <section class="section coming" aria-labelledby="coming-title">
        <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
        <div>
          <h2 id="coming-title">Coming soon</h2>
          <p class="muted">Your profile, availability, messages and bookings will appear here.</p>
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
export class ChildminderDashboard {
  protected readonly links = CHILDMINDER_LINKS;
}
