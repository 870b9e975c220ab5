import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The console's sections; the live chat helper fills "Chats". */
const SECTIONS = [
  { path: 'tickets', label: 'Tickets', icon: 'confirmation_number' },
  { path: 'chats', label: 'Chats', icon: 'forum' },
  { path: 'stats', label: 'Stats', icon: 'monitoring' },
] as const;

/** `/support`: the agent console, a navigation between its sections above the section shown. */
@Component({
  selector: 'app-console-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, MatIconModule],
  template: `
    <div class="console">
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Support console">
        @for (section of sections; track section.path) {
          <a
            mat-tab-link
            [routerLink]="section.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
          >
            <mat-icon aria-hidden="true">{{ section.icon }}</mat-icon>
            <span class="label">{{ section.label }}</span>
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .console nav {
      padding: 0 8px;
    }
    .label {
      margin-left: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsoleShell {
  protected readonly sections = SECTIONS;
}
