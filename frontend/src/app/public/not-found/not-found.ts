import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink, MatButtonModule, MatIconModule],
  template: `
    <div class="page page--medium not-found">
      <mat-icon class="not-found__icon" aria-hidden="true">travel_explore</mat-icon>
      <h1>We can't find that page</h1>
      <p class="muted">
        The link may be out of date, or the page may have moved. Check the address, or start again from the home page.
      </p>
      <div class="form-actions not-found__actions">
        <a mat-flat-button routerLink="/">Go to the home page</a>
        @if (isSignedIn()) {
          <a mat-stroked-button [routerLink]="homeUrl()">Go to your dashboard</a>
        }
      </div>
    </div>
  `,
  styles: `
    .not-found {
      text-align: center;
    }
    .not-found__icon {
      font-size: 56px;
      width: 56px;
      height: 56px;
      color: var(--mat-sys-primary);
    }
    .not-found__actions {
      justify-content: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {
  private readonly auth = inject(AuthService);
  protected readonly isSignedIn = this.auth.isSignedIn;
  protected readonly homeUrl = this.auth.homeUrl;
}
