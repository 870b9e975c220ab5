import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';

/** The area's pages, as the dashboard lists them. */
const ADMIN_LINKS = [
  {
    path: '/admin/documents',
    label: 'Document review',
    icon: 'fact_check',
    description: 'Check uploaded compliance documents; approve or reject them.',
  },
] as const;

@Component({
  selector: 'app-admin-dashboard',
  imports: [DashboardShell, MatIconModule, RouterLink],
  template: `
    <app-dashboard-shell heading="Admin dashboard" intro="Run the platform: users, bookings, documents and support.">
      <section class="family" aria-labelledby="area-title">
        <h2 id="area-title">Verification</h2>
        <ul class="links">
          @for (link of links; track link.path) {
            <li>
              <a class="link-card" [routerLink]="link.path">
                <mat-icon class="link-card__icon" aria-hidden="true">{{ link.icon }}</mat-icon>
                <span class="link-card__text">
                  <span class="link-card__label">{{ link.label }}</span>
                  <span class="link-card__description">{{ link.description }}</span>
                </span>
                <mat-icon class="link-card__chevron" aria-hidden="true">chevron_right</mat-icon>
              </a>
            </li>
          }
        </ul>
      </section>
      <section class="section coming" aria-labelledby="coming-title">
        <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
        <div>
          <h2 id="coming-title">Coming soon</h2>
          <p class="muted">Users, bookings, subscriptions, support tickets, monitoring and logs will appear here.</p>
        </div>
      </section>
    </app-dashboard-shell>
  `,
  styles: `
    .family {
      margin-bottom: 32px;
    }
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));
    }
    .link-card {
      display: flex;
      align-items: center;
      gap: 16px;
      height: 100%;
      box-sizing: border-box;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface);
      box-shadow: var(--mat-sys-level1);
      color: inherit;
      text-decoration: none;
      transition: box-shadow 150ms ease;
    }
    .link-card:hover {
      box-shadow: var(--mat-sys-level2);
    }
    .link-card__icon {
      flex: none;
      color: var(--mat-sys-primary);
    }
    .link-card__text {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .link-card__label {
      font: var(--mat-sys-title-small);
    }
    .link-card__description {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .link-card__chevron {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
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
}
