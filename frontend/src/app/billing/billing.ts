import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { forkJoin } from 'rxjs';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ConfirmDeleteData, ConfirmDeleteDialog } from '@shared/confirm-delete/confirm-delete-dialog';
import { ErrorState } from '@shared/page-state/error-state';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadingState } from '@shared/page-state/loading-state';
import { BillingApi } from './billing-api';
import type { BillingInterval, CurrentSubscription, Plan, ProrationPreview } from './billing-types';
import { formatPence } from '@shared/money/format-pence';
import { formatUkDate, isInAppUrl } from './money';
import { PaymentsNotice } from './payments-notice';

const STATUS_LABELS: Record<string, string> = {
  trialing: 'Free trial',
  active: 'Active',
  past_due: 'Payment overdue',
  unpaid: 'Unpaid',
  incomplete: 'Waiting for payment',
  canceled: 'Cancelled',
};

/**
 * The billing page for parents and childminders: the plan in force, its renewal date, a plan
 * change with the prorated amount shown before anything is charged, one-click cancellation and
 * the payment history.
 */
@Component({
  selector: 'app-billing',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ErrorState,
    FormAlert,
    LoadingState,
    PaymentsNotice,
  ],
  templateUrl: './billing.html',
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Billing {
  private readonly api = inject(BillingApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly current = signal<CurrentSubscription | null>(null);
  protected readonly plans = signal<Plan[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly interval = signal<BillingInterval>('month');
  protected readonly preview = signal<ProrationPreview | null>(null);

  protected readonly formatPence = formatPence;
  protected readonly formatUkDate = formatUkDate;
  protected readonly subscription = computed(() => this.current()?.subscription ?? null);
  /** No payment provider on this server: checkout would answer 503 PAYMENTS_NOT_SET_UP. */
  protected readonly paymentsOff = signal(false);
  protected readonly paidPlans = computed(() =>
    this.plans().filter((plan) => plan.prices && plan.role === this.auth.role()),
  );
  protected readonly statusLabel = computed(() => {
    const status = this.subscription()?.status;
    return status ? (STATUS_LABELS[status] ?? status) : 'Free';
  });
  /** The other billing interval of the current paid plan, offered as a change. */
  protected readonly otherInterval = computed<BillingInterval | null>(() => {
    const subscription = this.subscription();
    if (!subscription || subscription.status === 'canceled') return null;
    return subscription.interval === 'month' ? 'year' : 'month';
  });

  constructor() {
    this.load();
    this.api.payments().subscribe({
      next: (status) => this.paymentsOff.set(status.mode === 'not_set_up'),
      error: () => this.paymentsOff.set(false),
    });
  }

  protected load(): void {
    this.loadError.set(null);
    this.current.set(null);
    forkJoin({ current: this.api.current(), plans: this.api.plans() }).subscribe({
      next: ({ current, plans }) => {
        this.plans.set(plans);
        this.current.set(current);
      },
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected startCheckout(plan: Plan): void {
    this.busy.set(true);
    this.actionError.set(null);
    this.api.startCheckout(plan.key, this.interval()).subscribe({
      next: (session) => {
        if (isInAppUrl(session.url, window.location.origin)) {
          void this.router.navigateByUrl(session.url.slice(window.location.origin.length));
        } else {
          window.location.assign(session.url);
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiProblem(error).message);
      },
    });
  }

  protected previewChange(interval: BillingInterval): void {
    const subscription = this.subscription();
    if (!subscription) return;
    this.busy.set(true);
    this.actionError.set(null);
    this.api.previewChange(subscription.planKey, interval).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.preview.set(preview);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiProblem(error).message);
      },
    });
  }

  protected confirmChange(interval: BillingInterval): void {
    const subscription = this.subscription();
    const preview = this.preview();
    if (!subscription || !preview) return;
    this.busy.set(true);
    this.api.changePlan(subscription.planKey, interval, preview.prorationDate).subscribe({
      next: () => {
        this.busy.set(false);
        this.preview.set(null);
        this.notifier.success(`You are now billed ${interval === 'year' ? 'yearly' : 'monthly'}.`);
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiProblem(error).message);
      },
    });
  }

  protected cancelPlan(): void {
    const subscription = this.subscription();
    if (!subscription) return;
    const until = formatUkDate(subscription.trialEnd ?? subscription.currentPeriodEnd);
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: `Cancel ${subscription.planName}?`,
          body: until
            ? `You keep ${subscription.planName} until ${until}; nothing more is charged after that.`
            : `Nothing more is charged after cancelling.`,
          keepLabel: `Keep ${subscription.planName}`,
          confirmLabel: 'Cancel plan',
          busyLabel: 'Cancelling…',
          remove: () => this.api.cancel(),
        },
        width: '440px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((cancelled) => {
        if (!cancelled) return;
        this.notifier.success(until ? `Cancelled. You keep your plan until ${until}.` : 'Cancelled.');
        this.load();
      });
  }
}
