import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { BillingApi } from './billing-api';
import type { CheckSubscription } from './billing-types';

/**
 * Where checkout comes back to: `/billing/success` (the webhook may still be on its way, so the
 * page asks a few times) or `/billing/cancelled` (nothing was charged).
 */
@Component({
  selector: 'app-checkout-result',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <section class="result" aria-live="polite">
      @if (outcome() === 'cancelled') {
        <h1>Checkout cancelled</h1>
        <p>Nothing was charged. You can upgrade whenever you like.</p>
      } @else if (status()?.active) {
        <h1>You're all set</h1>
        <p>Your plan is active{{ status()!.status === 'trialing' ? ' and your free trial has started' : '' }}.</p>
      } @else if (gaveUp()) {
        <h1>Payment received</h1>
        <p>
          We are still confirming it with the payment provider. Your billing page will show the plan within a few
          minutes.
        </p>
      } @else {
        <h1>Confirming your payment…</h1>
      }
      <a mat-flat-button routerLink="/billing">Go to billing</a>
    </section>
  `,
  styles: `
    .result {
      max-width: 560px;
      margin: 0 auto;
      padding: 48px 16px;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckoutResult {
  private readonly api = inject(BillingApi);

  readonly outcome = input<'success' | 'cancelled'>('success');
  protected readonly status = signal<CheckSubscription | null>(null);
  protected readonly gaveUp = signal(false);

  ngOnInit(): void {
    if (this.outcome() === 'success') this.poll(0);
  }

  private poll(attempt: number): void {
    this.api.check().subscribe({
      next: (status) => {
        this.status.set(status);
        if (!status.active && attempt < 5) setTimeout(() => this.poll(attempt + 1), 1500);
        else if (!status.active) this.gaveUp.set(true);
      },
      error: () => this.gaveUp.set(true),
    });
  }
}
