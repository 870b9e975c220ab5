import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { BillingApi } from '../../billing/billing-api';
import type { BillingSetup } from '../../billing/billing-types';

/**
 * For the admin dashboard: paid plans cannot be sold until the Stripe settings are there (or are
 * only simulated, outside production). Names the missing environment variables, never values.
 * Self-contained: drop `<app-payments-setup-notice />` on any admin page.
 */
@Component({
  selector: 'app-payments-setup-notice',
  imports: [MatIconModule],
  template: `
    @if (setup(); as setup) {
      @if (setup.mode !== 'stripe') {
        <section class="setup-notice" role="status" aria-labelledby="payments-setup-title">
          <mat-icon aria-hidden="true">warning</mat-icon>
          <div>
            <h2 id="payments-setup-title">
              {{
                setup.mode === 'not_set_up'
                  ? 'Payments are not set up: paid plans cannot be bought'
                  : 'Payments run in test mode: no money is taken'
              }}
            </h2>
            <p>Set these environment variables on every server, then restart:</p>
            <ul>
              @for (name of setup.missingSettings; track name) {
                <li>
                  <code>{{ name }}</code>
                </li>
              }
            </ul>
          </div>
        </section>
      }
    } @else if (failed()) {
      <p class="setup-notice__error" role="status">We couldn't check whether payments are set up.</p>
    }
  `,
  styles: `
    .setup-notice {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin: 0 0 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container, #ffdad6);
      color: var(--mat-sys-on-error-container, #410002);
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 4px;
    }
    p,
    ul {
      margin: 4px 0;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentsSetupNotice {
  private readonly api = inject(BillingApi);
  protected readonly setup = signal<BillingSetup | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    this.api.setup().subscribe({
      next: (setup) => this.setup.set(setup),
      error: () => this.failed.set(true),
    });
  }
}
