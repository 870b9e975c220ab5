import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { BillingApi } from './billing-api';
import type { PaymentsStatus } from './billing-types';

/**
 * Says, before anyone tries to pay, that paid plans cannot be bought on this server (no payment
 * provider set up), or that checkout is in test mode. Shows nothing when Stripe takes payments,
 * or when the status cannot be read (checkout then explains itself).
 */
@Component({
  selector: 'app-payments-notice',
  imports: [MatIconModule],
  template: `
    @switch (mode()) {
      @case ('not_set_up') {
        <p class="payments-notice payments-notice--off" role="status" [id]="noticeId()">
          <mat-icon aria-hidden="true">info</mat-icon>
          <span>Payments are not set up yet, so paid plans cannot be bought for now. Free features work as usual.</span>
        </p>
      }
      @case ('simulator') {
        <p class="payments-notice" role="status" [id]="noticeId()">
          <mat-icon aria-hidden="true">science</mat-icon>
          <span>Test mode: checkout is simulated and no money is taken.</span>
        </p>
      }
    }
  `,
  styles: `
    .payments-notice {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container, #f3f3f3);
      margin: 12px 0;
    }
    .payments-notice--off {
      background: var(--mat-sys-error-container, #ffdad6);
      color: var(--mat-sys-on-error-container, #410002);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentsNotice {
  private readonly api = inject(BillingApi);

  /** The id buttons that cannot work point at with aria-describedby. */
  readonly noticeId = input('payments-notice');
  protected readonly mode = signal<PaymentsStatus['mode'] | null>(null);

  constructor() {
    this.api.payments().subscribe({
      next: (status) => this.mode.set(status.mode),
      error: () => this.mode.set(null),
    });
  }
}
