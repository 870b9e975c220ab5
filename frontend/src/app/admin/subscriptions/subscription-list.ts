import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { UkDatePipe } from '@shared/dates/uk-date';
import { Loadable } from '@shared/loadable/loadable';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import type { PagedSource } from '@shared/paged-list/paged-list-state';
import { BillingApi } from '../../billing/billing-api';
import type { Plan } from '../../billing/billing-types';
import { formatPence } from '@shared/money/format-pence';
import {
  type AdminSubscriptionPage,
  AdminSubscriptionsApi,
  type SubscriptionRole,
  type SubscriptionStatus,
} from './admin-subscriptions-api';
import {
  PAGE_SIZES,
  ROLE_LABELS,
  roleLabel,
  SUBSCRIPTION_STATUS_LABELS,
  SUBSCRIPTION_STATUSES,
  type StatusBar,
  type SubscriptionListState,
  listStateFromQuery,
  listStateToQuery,
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
    MatSelectModule,
    UkDatePipe,
    PagedList,
    PageRows,
  ],
  templateUrl: './subscription-list.html',
  styleUrl: './subscription-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubscriptionList {
  private readonly api = inject(AdminSubscriptionsApi);
  private readonly billing = inject(BillingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Only paid plans have subscriptions. */
  protected readonly paidPlans = signal<Plan[]>([]);
  protected readonly statuses = SUBSCRIPTION_STATUSES;
  protected readonly statusLabels = SUBSCRIPTION_STATUS_LABELS;
  protected readonly roles = Object.keys(ROLE_LABELS) as SubscriptionRole[];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleLabel = roleLabel;
  protected readonly formatPence = formatPence;

  // The address holds the filters and the page (component input binding of the query), so a
  // filtered list can be shared, and Back from a subscription returns to it.
  readonly planKey = input<string>();
  readonly status = input<string>();
  readonly role = input<string>();
  readonly renewsFrom = input<string>();
  readonly renewsTo = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly state = computed(() =>
    listStateFromQuery({
      planKey: this.planKey(),
      status: this.status(),
      role: this.role(),
      renewsFrom: this.renewsFrom(),
      renewsTo: this.renewsTo(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );
  /** The filter form, filled from the address and applied to it. */
  protected filters = this.editableFilters(this.state());
  protected readonly filterError = signal<string | null>(null);
  protected readonly pageSizes = [...PAGE_SIZES];

  protected readonly list = new Loadable<AdminSubscriptionPage>();
  /** The list as the paged list shows it; its position lives in the address. */
  protected readonly pages: PagedSource<AdminSubscriptionPage> = {
    value: this.list.value,
    error: this.list.error,
    pageIndex: computed(() => this.state().page - 1),
    pageSize: computed(() => this.state().pageSize),
    reload: () => this.reloadSubscriptions(),
    turn: (event) => this.changePage(event),
  };
  protected readonly counts = signal<Partial<Record<SubscriptionStatus, number>> | null>(null);
  protected readonly countsError = signal(false);
  protected readonly bars = computed<StatusBar[]>(() => {
    const counts = this.counts();
    return counts ? statusBars(counts) : [];
  });
  protected readonly totalCount = computed(() => this.bars().reduce((sum, bar) => sum + bar.count, 0));

  constructor() {
    toObservable(this.state)
      .pipe(takeUntilDestroyed())
      .subscribe((state) => {
        this.filters = this.editableFilters(state);
        // A newer address replaces the answer still on its way for the older one.
        this.list.load(this.fetch(state));
      });
    this.loadCounts();
    this.billing.plans().subscribe({
      next: (plans) => this.paidPlans.set(plans.filter((plan) => plan.prices)),
      // Without the catalogue the plan filter offers "Any" only; the list still works.
      error: () => this.paidPlans.set([]),
    });
  }

  protected applyFilters(): void {
    const { renewsFrom, renewsTo } = this.filters;
    if (renewsFrom && renewsTo && renewsFrom > renewsTo) {
      this.filterError.set('“Renews from” must be on or before “Renews to”.');
      return;
    }
    this.filterError.set(null);
    this.navigate({ ...this.state(), ...this.filters, page: 1 });
  }

  protected clearFilters(): void {
    this.filterError.set(null);
    this.navigate({ ...this.state(), ...this.editableFilters(listStateFromQuery({})), page: 1 });
  }

  private changePage(event: PageEvent): void {
    this.navigate({ ...this.state(), page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private reloadSubscriptions(): void {
    this.list.load(this.fetch(this.state()));
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

  private fetch(state: SubscriptionListState) {
    return this.api.list({
      planKey: state.planKey,
      status: state.status,
      role: state.role,
      renewsFrom: state.renewsFrom ? ukDayStart(state.renewsFrom) : null,
      renewsTo: state.renewsTo ? ukDayEnd(state.renewsTo) : null,
      page: state.page,
      pageSize: state.pageSize,
    });
  }

  private navigate(state: SubscriptionListState): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: listStateToQuery(state) });
  }

  private editableFilters(state: SubscriptionListState): EditableFilters {
    const { planKey, status, role, renewsFrom, renewsTo } = state;
    return { planKey, status, role, renewsFrom, renewsTo };
  }
}

type EditableFilters = Pick<SubscriptionListState, 'planKey' | 'status' | 'role' | 'renewsFrom' | 'renewsTo'>;
