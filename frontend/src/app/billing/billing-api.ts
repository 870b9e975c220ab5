import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  BillingInterval,
  CheckoutSession,
  BillingSetup,
  CheckSubscription,
  CurrentSubscription,
  PaymentsStatus,
  Plan,
  PlanKey,
  ProrationPreview,
  SimulatorResult,
  SimulatorSession,
  Subscription,
} from './billing-types';

/** The caller's plan: `/api/subscription/...`, checkout and the test-mode simulator. */
@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly http = inject(HttpClient);

  plans(): Observable<Plan[]> {
    return this.http.get<Plan[]>('/api/subscription/plans');
  }

  /** Whether paid plans can be bought: Stripe, test mode, or not set up. */
  payments(): Observable<PaymentsStatus> {
    return this.http.get<PaymentsStatus>('/api/subscription/payments');
  }

  /** Admins: how payments are taken and the settings still missing. */
  setup(): Observable<BillingSetup> {
    return this.http.get<BillingSetup>('/api/admin/subscriptions/setup');
  }

  current(): Observable<CurrentSubscription> {
    return this.http.get<CurrentSubscription>('/api/subscription/current');
  }

  check(): Observable<CheckSubscription> {
    return this.http.get<CheckSubscription>('/api/check-subscription');
  }

  startCheckout(planKey: PlanKey, interval: BillingInterval): Observable<CheckoutSession> {
    return this.http.post<CheckoutSession>('/api/create-checkout-session', { planKey, interval });
  }

  previewChange(planKey: PlanKey, interval: BillingInterval): Observable<ProrationPreview> {
    return this.http.post<ProrationPreview>('/api/subscription/update', { planKey, interval, preview: true });
  }

  changePlan(planKey: PlanKey, interval: BillingInterval, prorationDate: number): Observable<Subscription> {
    return this.http.post<Subscription>('/api/subscription/update', { planKey, interval, prorationDate });
  }

  cancel(immediately = false): Observable<Subscription> {
    return this.http.post<Subscription>('/api/subscription/cancel', { immediately });
  }

  simulatorSession(sessionId: string): Observable<SimulatorSession> {
    return this.http.get<SimulatorSession>(`/api/subscription/simulator/${encodeURIComponent(sessionId)}`);
  }

  simulatorPay(sessionId: string): Observable<SimulatorResult> {
    return this.http.post<SimulatorResult>(`/api/subscription/simulator/${encodeURIComponent(sessionId)}/pay`, {});
  }

  simulatorDecline(sessionId: string): Observable<SimulatorResult> {
    return this.http.post<SimulatorResult>(`/api/subscription/simulator/${encodeURIComponent(sessionId)}/decline`, {});
  }
}
