import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { ErrorState } from '@shared/page-state/error-state';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadingState } from '@shared/page-state/loading-state';
import { BillingApi } from './billing-api';
import type { SimulatorResult, SimulatorSession } from './billing-types';
import { formatPence } from '@shared/money/format-pence';

/**
 * The payment simulator's checkout page (no Stripe key configured). Clearly a test: no card is
 * asked for and nothing is charged; paying sends signed Stripe-shaped events to the server's
 * real webhook handler.
 */
@Component({
  selector: 'app-billing-simulator',
  imports: [MatButtonModule, MatCardModule, MatIconModule, ErrorState, FormAlert, LoadingState],
  template: `
    <section class="simulator" aria-labelledby="simulator-title">
      <p class="simulator__banner" role="note">
        <mat-icon aria-hidden="true">science</mat-icon>
        Test mode: payments are simulated. No card is needed and no money moves.
      </p>
      <h1 id="simulator-title">Checkout</h1>
      @if (loadError(); as message) {
        <app-error-state title="This checkout is not available" [message]="message" (retry)="load()" />
      } @else if (!checkout()) {
        <app-loading-state label="Loading checkout…" />
      } @else {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>{{ checkout()!.planName }}</mat-card-title>
            <mat-card-subtitle>{{ price() }}</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <app-form-alert [message]="actionError()" />
            @if (checkout()!.trialDays > 0) {
              <p>
                Your {{ checkout()!.trialDays }}-day free trial starts today. You can cancel at any time before it ends.
              </p>
            }
          </mat-card-content>
          <mat-card-actions>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="pay()">Pay (simulated)</button>
            <button mat-button type="button" [disabled]="busy()" (click)="decline()">Decline payment</button>
          </mat-card-actions>
        </mat-card>
      }
    </section>
  `,
  styles: `
    .simulator {
      max-width: 560px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    .simulator__banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Simulator {
  private readonly api = inject(BillingApi);
  private readonly router = inject(Router);

  /** `?session=` (bound by the router's withComponentInputBinding). */
  readonly session = input<string>('');

  protected readonly checkout = signal<SimulatorSession | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly price = computed(() => {
    const checkout = this.checkout();
    return checkout ? `${formatPence(checkout.amountPence)} per ${checkout.interval}` : '';
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.simulatorSession(this.session()).subscribe({
      next: (checkout) => this.checkout.set(checkout),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected pay(): void {
    this.finish(this.api.simulatorPay(this.session()));
  }

  protected decline(): void {
    this.finish(this.api.simulatorDecline(this.session()));
  }

  private finish(request: ReturnType<BillingApi['simulatorPay']>): void {
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: (result: SimulatorResult) =>
        void this.router.navigateByUrl(new URL(result.redirectUrl).pathname + new URL(result.redirectUrl).search),
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiProblem(error).message);
      },
    });
  }
}
