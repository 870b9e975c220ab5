import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  BillingInterval,
  CheckoutSession,
  BillingSetup,
  CheckSubscription,
  CurrentSubscription,
  PaymentsStatus,
  Plan,
  PaidPlanKey,
  PlanKey,
  ProrationPreview,
  SimulatorResult,
  SimulatorSession,
  Subscription,
} from './billing-types';

/** The caller's plan: `/api/subscription/...`, checkout and the test-mode simulator. */
/** Only paid plans are bought or changed to; the server refuses any other key (VALIDATION_FAILED). */
const paid = (planKey: PlanKey): PaidPlanKey => planKey as PaidPlanKey;

@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly api = inject(ApiClient);

  plans(): Observable<Plan[]> {
    return this.api.get('/api/subscription/plans');
  }

  /** Whether paid plans can be bought: Stripe, test mode, or not set up. */
  payments(): Observable<PaymentsStatus> {
    return this.api.get('/api/subscription/payments');
  }

  /** Admins: how payments are taken and the settings still missing. */
  setup(): Observable<BillingSetup> {
    return this.api.get('/api/admin/subscriptions/setup');
  }

  current(): Observable<CurrentSubscription> {
    return this.api.get('/api/subscription/current');
  }

  check(): Observable<CheckSubscription> {
    return this.api.get('/api/check-subscription');
  }

  startCheckout(planKey: PlanKey, interval: BillingInterval): Observable<CheckoutSession> {
    return this.api.post('/api/create-checkout-session', { body: { planKey: paid(planKey), interval } });
  }

  previewChange(planKey: PlanKey, interval: BillingInterval): Observable<ProrationPreview> {
    return this.api.post('/api/subscription/update', {
      body: { planKey: paid(planKey), interval, preview: true },
    }) as Observable<ProrationPreview>;
  }

  changePlan(planKey: PlanKey, interval: BillingInterval, prorationDate: number): Observable<Subscription> {
    return this.api.post('/api/subscription/update', {
      body: { planKey: paid(planKey), interval, prorationDate },
    }) as Observable<Subscription>;
  }

  cancel(immediately = false): Observable<Subscription> {
    return this.api.post('/api/subscription/cancel', { body: { immediately } });
  }

  simulatorSession(sessionId: string): Observable<SimulatorSession> {
    return this.api.get('/api/subscription/simulator/{sessionId}', { path: { sessionId } });
  }

  simulatorPay(sessionId: string): Observable<SimulatorResult> {
    return this.api.post('/api/subscription/simulator/{sessionId}/pay', { path: { sessionId } });
  }

  simulatorDecline(sessionId: string): Observable<SimulatorResult> {
    return this.api.post('/api/subscription/simulator/{sessionId}/decline', { path: { sessionId } });
  }
}
