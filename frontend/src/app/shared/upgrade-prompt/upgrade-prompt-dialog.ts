import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { components } from '@core/api/schema';
import { formatPence } from '@shared/money/format-pence';
import type { EntitlementRequirement } from './upgrade-prompt';

type Plan = components['schemas']['PlanResponse'];

/**
 * "This needs the Plus plan": the server's message, the plan's price and trial when the
 * catalogue answers, and the way to the billing page to upgrade.
 */
@Component({
  selector: 'app-upgrade-prompt-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, RouterLink],
  template: `
    <h2 mat-dialog-title>{{ plan() ? 'Upgrade to ' + plan()!.name : 'Upgrade your plan' }}</h2>
    <mat-dialog-content>
      <p class="message">
        <mat-icon class="message__icon" aria-hidden="true">workspace_premium</mat-icon>
        <span>{{ data.message }}</span>
      </p>
      @if (plan(); as plan) {
        <p class="plan">
          <strong>{{ plan.name }}</strong>
          @if (plan.prices) {
            · {{ price(plan.prices.month) }} a month or {{ price(plan.prices.year) }} a year
          }
          @if (plan.trialDays) {
            · {{ plan.trialDays }}-day free trial
          }
        </p>
        <p class="muted">{{ plan.description }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Not now</button>
      <a mat-flat-button routerLink="/billing" mat-dialog-close>
        {{ plan() ? 'Upgrade to ' + plan()!.name : 'See plans' }}
      </a>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
    .message {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .message__icon {
      flex: none;
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpgradePromptDialog {
  protected readonly data = inject<EntitlementRequirement>(MAT_DIALOG_DATA);
  private readonly plans = signal<Plan[]>([]);

  protected readonly plan = computed(() => this.plans().find((p) => p.key === this.data.planKey) ?? null);

  constructor() {
    if (!this.data.planKey) return;
    inject(ApiClient)
      .get('/api/subscription/plans')
      // The message already names the plan; price and trial are a bonus if the catalogue answers.
      .subscribe({ next: (plans) => this.plans.set(plans), error: () => this.plans.set([]) });
  }

  protected price(pence: number): string {
    return formatPence(pence);
  }
}
