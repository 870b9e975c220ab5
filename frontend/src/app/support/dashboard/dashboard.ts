import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DashboardShell } from '@shared/dashboard-shell/dashboard-shell';

@Component({
  selector: 'app-support-dashboard',
  imports: [DashboardShell, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <app-dashboard-shell heading="Support console" intro="Help parents and childminders over live chat.">
      <p>Set your status to Available and chats come to you, oldest first.</p>
      <a mat-flat-button routerLink="/support/chats">
        <mat-icon aria-hidden="true">forum</mat-icon>
        Open live chat
      </a>
    </app-dashboard-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportDashboard {}
