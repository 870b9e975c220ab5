import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { BillingApi } from './billing-api';
import type { BillingInterval, Plan } from './billing-types';
import { formatPence } from '@shared/money/format-pence';
import { PaymentsNotice } from './payments-notice';

const ENTITLEMENT_LABELS: Record<string, string> = {
  search: 'Search childminders near you',
  favourites: 'Save favourites',
  'conversations.start': 'Message childminders',
  'bookings.request': 'Request bookings',
  'alerts.last_minute': 'Last-minute availability alerts',
  'profile.listed': 'A public profile parents can find',
  'recommendations.featured': 'Featured in recommendations',
  'calendar.sync': 'Calendar sync',
  'openings.unlimited': 'Unlimited last-minute openings',
};

/** The public pricing page: every plan for both sides, monthly or yearly. */
@Component({
  selector: 'app-pricing',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatIconModule,
    RouterLink,
    ErrorState,
    LoadingState,
    PaymentsNotice,
  ],
  template: `
    <section class="pricing" aria-labelledby="pricing-title">
      <h1 id="pricing-title">Plans and prices</h1>
      <p>
        No surprises: we email you 7 days before a yearly renewal and 3 days before a trial ends, and you can cancel in
        one click.
      </p>
      <app-payments-notice />
      <mat-button-toggle-group aria-label="Billing interval" [value]="interval()" (change)="interval.set($event.value)">
        <mat-button-toggle value="month">Monthly</mat-button-toggle>
        <mat-button-toggle value="year">Yearly</mat-button-toggle>
      </mat-button-toggle-group>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load the plans" [message]="message" (retry)="load()" />
      } @else if (!plans()) {
        <app-loading-state label="Loading plans…" />
      } @else {
        @for (side of sides(); track side.title) {
          <h2>{{ side.title }}</h2>
          <div class="pricing__plans">
            @for (plan of side.plans; track plan.key) {
              <mat-card appearance="outlined">
                <mat-card-header>
                  <mat-card-title>{{ plan.name }}</mat-card-title>
                  <mat-card-subtitle>
                    {{ plan.prices ? formatPence(plan.prices[interval()]) + ' per ' + interval() : 'Free' }}
                    @if (plan.trialDays) {
                      · {{ plan.trialDays }}-day free trial
                    }
                  </mat-card-subtitle>
                </mat-card-header>
                <mat-card-content>
                  <p>{{ plan.description }}</p>
                  <ul>
                    @for (key of plan.entitlements; track key) {
                      <li>{{ label(key) }}</li>
                    }
                  </ul>
                </mat-card-content>
                @if (plan.prices) {
                  <mat-card-actions>
                    <a mat-flat-button [routerLink]="auth.isSignedIn() ? '/billing' : '/register'"
                      >Choose {{ plan.name }}</a
                    >
                  </mat-card-actions>
                }
              </mat-card>
            }
          </div>
        }
      }
    </section>
  `,
  styles: `
    .pricing {
      max-width: 960px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    .pricing__plans {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Pricing {
  private readonly api = inject(BillingApi);
  protected readonly auth = inject(AuthService);

  protected readonly plans = signal<Plan[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly interval = signal<BillingInterval>('month');
  protected readonly formatPence = formatPence;
  protected readonly sides = computed(() => [
    { title: 'For parents', plans: (this.plans() ?? []).filter((p) => p.role === 'parent') },
    { title: 'For childminders', plans: (this.plans() ?? []).filter((p) => p.role === 'childminder') },
  ]);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.plans().subscribe({
      next: (plans) => this.plans.set(plans),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected label(key: string): string {
    return ENTITLEMENT_LABELS[key] ?? key;
  }
}
