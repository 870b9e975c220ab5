import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { ACCOUNT_LINKS } from '@core/layout/account-links';

/** Heading and tab navigation shared by the account pages. */
@Component({
  selector: 'app-account-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, MatIconModule],
  template: `
    <div class="page page--medium">
      <a class="back-link" [routerLink]="homeUrl()">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to your dashboard
      </a>
      <h1>Your account</h1>
      <!-- Seven tabs do not fit a phone or a medium page: they wrap instead of hiding behind paging arrows. -->
      <nav mat-tab-nav-bar [tabPanel]="panel" [disablePagination]="true" aria-label="Account settings" class="tabs">
        @for (link of links; track link.path) {
          <a
            mat-tab-link
            [routerLink]="link.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
          >
            {{ link.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .tabs {
      margin-bottom: 24px;
      --mat-tab-container-height: 48px;
    }
    .tabs ::ng-deep .mat-mdc-tab-links {
      flex-wrap: wrap;
    }
    .tabs ::ng-deep .mat-mdc-tab-link-container {
      overflow: visible;
    }
    .panel {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountShell {
  protected readonly homeUrl = inject(AuthService).homeUrl;
  protected readonly links = ACCOUNT_LINKS;
}
