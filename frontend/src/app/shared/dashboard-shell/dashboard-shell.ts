import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { ACCOUNT_LINKS } from '@core/layout/account-links';

/**
 * The landing page of a role area: a greeting, the area's own content (projected) and links
 * to the account pages every role shares.
 */
@Component({
  selector: 'app-dashboard-shell',
  imports: [RouterLink, MatIconModule],
  templateUrl: './dashboard-shell.html',
  styleUrl: './dashboard-shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardShell {
  private readonly auth = inject(AuthService);

  /** The area's name, for the page heading: "Parent dashboard". */
  readonly heading = input.required<string>();
  /** One sentence under the greeting. */
  readonly intro = input('');

  protected readonly user = this.auth.user;
  protected readonly accountLinks = ACCOUNT_LINKS;
  protected readonly greeting = computed(() => {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/London' }).format(
        new Date(),
      ),
    );
    return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  });
}
