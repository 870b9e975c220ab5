import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { BillingApi } from '../../billing/billing-api';
import type { Plan } from '../../billing/billing-types';
import { formatPence } from '../../billing/money';
import {
  type AdminSubscriptionPage,
  AdminSubscriptionsApi,
  type SubscriptionPlanKey,
  type SubscriptionRole,
  type SubscriptionStatus,
} from './admin-subscriptions-api';
import {
  ROLE_LABELS,
  roleLabel,
  SUBSCRIPTION_STATUS_LABELS,
  SUBSCRIPTION_STATUSES,
  type StatusBar,
  statusBars,
  ukDayEnd,
  ukDayStart,
} from './subscription-format';

/** `/admin/subscriptions`: every subscription, newest first, with filters and a count by status. */
@Component({
  selector: 'app-subscription-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './subscription-list.html',
  styleUrl: './subscription-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubscriptionList {
  private readonly api = inject(AdminSubscriptionsApi);
  private readonly billing = inject(BillingApi);

  /** Only paid plans have subscriptions. */
  protected readonly paidPlans = signal<Plan[]>([]);
  protected readonly statuses = SUBSCRIPTION_STATUSES;
  protected readonly statusLabels = SUBSCRIPTION_STATUS_LABELS;
  protected readonly roles = Object.keys(ROLE_LABELS) as SubscriptionRole[];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleLabel = roleLabel;
  protected readonly formatPence = formatPence;

  protected planKey: SubscriptionPlanKey | '' = '';
  protected status: SubscriptionStatus | '' = '';
  protected role: SubscriptionRole | '' = '';
  /** `YYYY-MM-DD` from the date inputs; UK days. */
  protected renewsFrom = '';
  protected renewsTo = '';
  protected readonly filterError = signal<string | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);

  protected readonly page = signal<AdminSubscriptionPage | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly counts = signal<Partial<Record<SubscriptionStatus, number>> | null>(null);
  protected readonly countsError = signal(false);
  protected readonly bars = computed<StatusBar[]>(() => {
    const counts = this.counts();
    return counts ? statusBars(counts) : [];
  });
  protected readonly totalCount = computed(() => this.bars().reduce((sum, bar) => sum + bar.count, 0));

  constructor() {
    this.loadSubscriptions();
    this.loadCounts();
    this.billing.plans().subscribe({
      next: (plans) => this.paidPlans.set(plans.filter((plan) => plan.prices)),
      // Without the catalogue the plan filter offers "Any" only; the list still works.
      error: () => this.paidPlans.set([]),
    });
  }

  protected applyFilters(): void {
    if (this.renewsFrom && this.renewsTo && this.renewsFrom > this.renewsTo) {
      this.filterError.set('“Renews from” must be on or before “Renews to”.');
      return;
    }
    this.filterError.set(null);
    this.pageIndex.set(0);
    this.loadSubscriptions();
  }

  protected clearFilters(): void {
    this.planKey = '';
    this.status = '';
    this.role = '';
    this.renewsFrom = '';
    this.renewsTo = '';
    this.applyFilters();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.loadSubscriptions();
  }

  protected loadSubscriptions(): void {
    this.loadError.set(null);
    this.page.set(null);
    this.api
      .list({
        planKey: this.planKey,
        status: this.status,
        role: this.role,
        renewsFrom: this.renewsFrom ? ukDayStart(this.renewsFrom) : null,
        renewsTo: this.renewsTo ? ukDayEnd(this.renewsTo) : null,
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
      })
      .subscribe({
        next: (page) => this.page.set(page),
        error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
      });
  }

  /** The chart: one count per status (a one-row page each; the list endpoint returns the total). */
  protected loadCounts(): void {
    this.countsError.set(false);
    this.counts.set(null);
    forkJoin(
      Object.fromEntries(
        SUBSCRIPTION_STATUSES.map((status) => [
          status,
          this.api.list({ status, page: 1, pageSize: 1 }).pipe(map((page) => page.total)),
        ]),
      ),
    ).subscribe({
      next: (counts) => this.counts.set(counts),
      error: () => this.countsError.set(true),
    });
  }
}
