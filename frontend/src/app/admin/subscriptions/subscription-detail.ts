import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ConfirmDeleteData, ConfirmDeleteDialog } from '@shared/confirm-delete/confirm-delete-dialog';
import { UkDatePipe, formatUkDate } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { BillingApi } from '../../billing/billing-api';
import type { BillingInterval, Plan } from '../../billing/billing-types';
import { formatPence } from '@shared/money/format-pence';
import {
  type AdminSubscriptionDetail,
  type AdminSubscriptionUpdate,
  AdminSubscriptionsApi,
  type SubscriptionPayment,
} from './admin-subscriptions-api';
import { RefundDialog, type RefundDialogData } from './refund-dialog';
import {
  LIVE_STATUSES,
  PAYMENT_STATUS_LABELS,
  SUBSCRIPTION_STATUS_LABELS,
  addDays,
  latestRefundablePayment,
  roleLabel,
} from './subscription-format';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; subscription: AdminSubscriptionDetail }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

/** Trials are extended by whole days; a month at most at a time keeps mistakes small. */
const MAX_TRIAL_EXTENSION_DAYS = 31;

/**
 * `/admin/subscriptions/:subscriptionId`: one subscription with its payment history; change
 * the plan or billing interval, extend a trial, cancel, or refund the latest payment.
 */
@Component({
  selector: 'app-subscription-detail',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    FormAlert,
    LoadingState,
  ],
  templateUrl: './subscription-detail.html',
  styleUrl: './subscription-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubscriptionDetail {
  private readonly api = inject(AdminSubscriptionsApi);
  private readonly billing = inject(BillingApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** The route's `:subscriptionId` (component input binding). */
  readonly subscriptionId = input.required<string>();

  protected readonly state = signal<LoadState>({ kind: 'loading' });
  protected readonly plans = signal<Plan[]>([]);
  protected readonly saving = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected readonly statusLabels = SUBSCRIPTION_STATUS_LABELS;
  protected readonly paymentStatusLabels = PAYMENT_STATUS_LABELS;
  protected readonly roleLabel = roleLabel;
  protected readonly formatPence = formatPence;
  protected readonly maxTrialDays = MAX_TRIAL_EXTENSION_DAYS;

  protected newPlanKey: AdminSubscriptionUpdate['planKey'] | '' = '';
  protected newInterval: BillingInterval = 'month';
  protected readonly trialDays = signal(7);

  protected readonly subscription = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.subscription : null;
  });
  protected readonly live = computed(() => {
    const subscription = this.subscription();
    return !!subscription && LIVE_STATUSES.includes(subscription.status);
  });
  /** The paid plans this subscriber's role can hold. */
  protected readonly rolePlans = computed(() =>
    this.plans().filter((plan) => plan.prices && plan.role === this.subscription()?.user.role),
  );
  protected readonly refundablePayment = computed(() => latestRefundablePayment(this.subscription()?.payments ?? []));
  protected readonly newTrialEnd = computed(() => {
    const trialEnd = this.subscription()?.trialEnd;
    const days = this.trialDays();
    return trialEnd && this.validTrialDays(days) ? formatUkDate(addDays(trialEnd, days), 'date') : null;
  });

  constructor() {
    toObservable(this.subscriptionId)
      .pipe(
        switchMap((id) => {
          this.state.set({ kind: 'loading' });
          return this.api.get(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (subscription) => this.show(subscription),
        error: (error: unknown) => this.showLoadError(error),
      });
    this.billing.plans().subscribe({
      next: (plans) => this.plans.set(plans),
      // Without the catalogue the plan change form stays hidden; the rest of the page works.
      error: () => this.plans.set([]),
    });
  }

  protected reload(): void {
    this.state.set({ kind: 'loading' });
    this.api.get(this.subscriptionId()).subscribe({
      next: (subscription) => this.show(subscription),
      error: (error: unknown) => this.showLoadError(error),
    });
  }

  protected changePlan(subscription: AdminSubscriptionDetail): void {
    const change: AdminSubscriptionUpdate = {};
    if (this.newPlanKey && this.newPlanKey !== subscription.planKey) change.planKey = this.newPlanKey;
    if (this.newInterval !== subscription.interval) change.interval = this.newInterval;
    if (!change.planKey && !change.interval) {
      this.actionError.set('Choose a different plan or billing interval first.');
      return;
    }
    this.update(subscription, change, (updated) => `Changed to ${updated.planName}, billed ${updated.interval}ly.`);
  }

  protected extendTrial(subscription: AdminSubscriptionDetail): void {
    const days = this.trialDays();
    if (!subscription.trialEnd || !this.validTrialDays(days)) {
      this.actionError.set(`Enter a whole number of days from 1 to ${MAX_TRIAL_EXTENSION_DAYS}.`);
      return;
    }
    this.update(
      subscription,
      { trialEnd: addDays(subscription.trialEnd, days) },
      (updated) => `Trial extended to ${formatUkDate(updated.trialEnd, 'date')}.`,
    );
  }

  protected cancelSubscription(subscription: AdminSubscriptionDetail, immediately: boolean): void {
    const name = subscription.user.name || subscription.user.email;
    const until = formatUkDate(subscription.trialEnd ?? subscription.currentPeriodEnd, 'date');
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: immediately ? `End ${name}'s ${subscription.planName} plan now?` : `Cancel ${name}'s plan?`,
          body: immediately
            ? `${subscription.planName} ends at once and ${name} moves to the free plan. Nothing is refunded automatically.`
            : `${name} keeps ${subscription.planName}${until ? ` until ${until}` : ' to the end of the period'}; nothing more is charged after that.`,
          keepLabel: 'Keep the plan',
          confirmLabel: immediately ? 'End now' : 'Cancel at period end',
          busyLabel: 'Cancelling…',
          remove: () => this.api.cancel(subscription.id, immediately),
        },
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((cancelled) => {
        if (!cancelled) return;
        this.notifier.success(immediately ? 'The subscription has ended.' : 'It will cancel at the end of the period.');
        this.reload();
      });
  }

  protected refundPayment(subscription: AdminSubscriptionDetail, payment: SubscriptionPayment): void {
    this.dialog
      .open<RefundDialog, RefundDialogData, SubscriptionPayment>(RefundDialog, {
        data: {
          subscriptionId: subscription.id,
          subscriberName: subscription.user.name || subscription.user.email,
          payment,
        },
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.notifier.success(`Refunded; ${formatPence(updated.amountRefundedPence)} of that payment returned in all.`);
        this.reload();
      });
  }

  protected paymentDate(payment: SubscriptionPayment): string {
    return payment.paidAt ?? payment.createdAt;
  }

  private update(
    subscription: AdminSubscriptionDetail,
    change: AdminSubscriptionUpdate,
    success: (updated: AdminSubscriptionDetail) => string,
  ): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.actionError.set(null);
    this.api.update(subscription.id, change).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.show(updated);
        this.notifier.success(success(updated));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.actionError.set(toApiProblem(error).message);
      },
    });
  }

  private show(subscription: AdminSubscriptionDetail): void {
    this.state.set({ kind: 'loaded', subscription });
    this.newPlanKey =
      subscription.planKey === 'parent_plus' || subscription.planKey === 'childminder_pro' ? subscription.planKey : '';
    this.newInterval = subscription.interval;
  }

  private showLoadError(error: unknown): void {
    const problem = toApiProblem(error);
    this.state.set(
      problem.status === 404 || problem.status === 400
        ? { kind: 'missing' }
        : { kind: 'error', message: problem.message },
    );
  }

  private validTrialDays(days: number): boolean {
    return Number.isInteger(days) && days >= 1 && days <= MAX_TRIAL_EXTENSION_DAYS;
  }
}
