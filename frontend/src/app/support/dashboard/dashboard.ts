import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '@shared/coming-soon/coming-soon';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';

@Component({
  selector: 'app-support-dashboard',
  imports: [DashboardShell, ComingSoon],
  template: `
    <app-dashboard-shell heading="Support console" intro="Help parents and childminders over live chat.">
      <app-coming-soon>
        The live chat queue and conversations will appear here. Set your chat status from the toolbar.
      </app-coming-soon>
    </app-dashboard-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportDashboard {}
