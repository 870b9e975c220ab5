import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { components, operations } from '@core/api/schema';
import type { Observable } from 'rxjs';

/**
 * Admin subscription types, derived by indexing the schema generated from the backend's OpenAPI
 * document (`npm run api:types`); nothing is hand-copied.
 */
type Schemas = components['schemas'];

export type AdminSubscription = Schemas['AdminSubscriptionResponse'];
export type AdminSubscriptionDetail = Schemas['AdminSubscriptionDetailResponse'];
export type AdminSubscriptionPage = Schemas['AdminSubscriptionPageResponse'];
export type AdminSubscriptionUpdate = Schemas['AdminUpdateSubscriptionDto'];
export type SubscriptionStatus = Schemas['SubscriptionStatus'];
export type SubscriptionPlanKey = Schemas['PlanKey'];
export type SubscriptionPayment = Schemas['PaymentResponse'];
type ListQuery = NonNullable<operations['AdminSubscriptions_list']['parameters']['query']>;
export type SubscriptionRole = NonNullable<ListQuery['role']>;

export interface AdminSubscriptionFilter {
  /** A plan key; the API refuses an unknown one. */
  planKey?: string;
  status?: SubscriptionStatus | '';
  role?: SubscriptionRole | '';
  /** ISO instants (the UI sends the start and the end of UK days). */
  renewsFrom?: string | null;
  renewsTo?: string | null;
  page: number;
  pageSize: number;
}

const BASE = '/api/admin/subscriptions';

/** `/api/admin/subscriptions`: every change an admin makes here is audited by the server. */
@Injectable({ providedIn: 'root' })
export class AdminSubscriptionsApi {
  private readonly http = inject(HttpClient);

  list(filter: AdminSubscriptionFilter): Observable<AdminSubscriptionPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    if (filter.planKey) params = params.set('planKey', filter.planKey);
    if (filter.status) params = params.set('status', filter.status);
    if (filter.role) params = params.set('role', filter.role);
    if (filter.renewsFrom) params = params.set('renewsFrom', filter.renewsFrom);
    if (filter.renewsTo) params = params.set('renewsTo', filter.renewsTo);
    return this.http.get<AdminSubscriptionPage>(BASE, { params });
  }

  get(subscriptionId: string): Observable<AdminSubscriptionDetail> {
    return this.http.get<AdminSubscriptionDetail>(`${BASE}/${encodeURIComponent(subscriptionId)}`);
  }

  /** Change plan or interval (no proration charge), or extend the trial. */
  update(subscriptionId: string, change: AdminSubscriptionUpdate): Observable<AdminSubscriptionDetail> {
    return this.http.patch<AdminSubscriptionDetail>(`${BASE}/${encodeURIComponent(subscriptionId)}`, change);
  }

  cancel(subscriptionId: string, immediately: boolean): Observable<AdminSubscriptionDetail> {
    return this.http.post<AdminSubscriptionDetail>(`${BASE}/cancel`, { subscriptionId, immediately });
  }

  /** Refunds the latest payment; without an amount, whatever is left of it. */
  refund(subscriptionId: string, amountPence?: number): Observable<SubscriptionPayment> {
    return this.http.post<SubscriptionPayment>(`${BASE}/refund`, {
      subscriptionId,
      ...(amountPence === undefined ? {} : { amountPence }),
    });
  }
}
