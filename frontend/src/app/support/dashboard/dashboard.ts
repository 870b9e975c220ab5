import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';

@Component({
  selector: 'app-support-dashboard',
  imports: [DashboardShell, MatIconModule],
  template: `
    <app-dashboard-shell heading="Support console" intro="Help parents and childminders over live chat.">
      <section class="section coming" aria-labelledby="coming-title">
        <mat-icon class="coming__icon" aria-hidden="true">construction</mat-icon>
        <div>
          <h2 id="coming-title">Coming soon</h2>
          <p class="muted">
            The live chat queue and conversations will appear here. Set your chat status from the toolbar.
          </p>
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
export class SupportDashboard {}
