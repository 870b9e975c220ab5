import { Injectable, inject } from '@angular/core';
import type { components, operations } from '@core/api/schema';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';

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

/** `/api/admin/subscriptions`: every change an admin makes here is audited by the server. */
@Injectable({ providedIn: 'root' })
export class AdminSubscriptionsApi {
  private readonly api = inject(ApiClient);

  list(filter: AdminSubscriptionFilter): Observable<AdminSubscriptionPage> {
    return this.api.get('/api/admin/subscriptions', {
      query: {
        page: filter.page,
        pageSize: filter.pageSize,
        planKey: (filter.planKey || undefined) as ListQuery['planKey'],
        status: filter.status || undefined,
        role: filter.role || undefined,
        renewsFrom: filter.renewsFrom || undefined,
        renewsTo: filter.renewsTo || undefined,
      },
    });
  }

  get(subscriptionId: string): Observable<AdminSubscriptionDetail> {
    return this.api.get('/api/admin/subscriptions/{subscriptionId}', { path: { subscriptionId } });
  }

  /** Change plan or interval (no proration charge), or extend the trial. */
  update(subscriptionId: string, change: AdminSubscriptionUpdate): Observable<AdminSubscriptionDetail> {
    return this.api.patch('/api/admin/subscriptions/{subscriptionId}', { path: { subscriptionId }, body: change });
  }

  cancel(subscriptionId: string, immediately: boolean): Observable<AdminSubscriptionDetail> {
    return this.api.post('/api/admin/subscriptions/cancel', { body: { subscriptionId, immediately } });
  }

  /** Refunds the latest payment; without an amount, whatever is left of it. */
  refund(subscriptionId: string, amountPence?: number): Observable<SubscriptionPayment> {
    return this.api.post('/api/admin/subscriptions/refund', {
      body: { subscriptionId, ...(amountPence === undefined ? {} : { amountPence }) },
    });
  }
}
