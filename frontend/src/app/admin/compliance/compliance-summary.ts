import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ComplianceCounts, ComplianceStatus } from './admin-compliance-api';
import { summariseCounts } from './compliance-format';

/**
 * Childminders per compliance status at a glance: one plain CSS bar each. Each row is a button
 * that filters the table by that status (pressed while it is the filter).
 */
@Component({
  selector: 'app-compliance-summary',
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (error(); as message) {
      <p class="problem" role="alert">
        <mat-icon aria-hidden="true">cloud_off</mat-icon>
        We couldn't count the childminders by status. {{ message }}
        <button mat-button type="button" (click)="retry.emit()">Try again</button>
      </p>
    } @else if (summary(); as summary) {
      <p class="visually-hidden">{{ summary.description }}</p>
      <ul class="bars" aria-label="Filter by status">
        @for (bar of summary.bars; track bar.status) {
          <li>
            <button
              type="button"
              [class]="'bar bar--' + bar.status"
              [attr.aria-pressed]="selected() === bar.status"
              (click)="selectStatus.emit(selected() === bar.status ? '' : bar.status)"
            >
              <span class="bar__label">{{ bar.label }}</span>
              <span class="bar__track" aria-hidden="true">
                <span class="bar__fill" [style.width.%]="bar.percent"></span>
              </span>
              <span class="bar__count">
                {{ bar.count }}
                <span class="muted">({{ bar.percent }}%)</span>
              </span>
            </button>
          </li>
        }
      </ul>
      <p class="total muted">{{ summary.total }} childminder{{ summary.total === 1 ? '' : 's' }} in all</p>
    } @else {
      <p class="muted" role="status">Counting childminders by status…</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .bar {
      display: grid;
      grid-template-columns: minmax(7em, 9em) 1fr minmax(5.5em, auto);
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 6px 8px;
      border: 1px solid transparent;
      border-radius: var(--mat-sys-corner-small);
      background: none;
      color: inherit;
      font: var(--mat-sys-body-medium);
      text-align: left;
      cursor: pointer;
    }
    .bar:hover {
      background: var(--mat-sys-surface-container);
    }
    .bar:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .bar[aria-pressed='true'] {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-high);
    }
    .bar__track {
      height: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .bar__fill {
      display: block;
      height: 100%;
      min-width: 2px;
      border-radius: 6px;
    }
    .bar--compliant .bar__fill {
      background: var(--mat-sys-primary);
    }
    .bar--expiring .bar__fill {
      background: var(--mat-sys-outline);
    }
    .bar--non_compliant .bar__fill {
      background: var(--mat-sys-error);
    }
    .bar__count {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .total {
      margin: 8px 0 0;
    }
    .problem {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0;
      mat-icon {
        color: var(--mat-sys-error);
      }
    }
    @media (max-width: 420px) {
      .bar {
        grid-template-columns: 1fr auto;
      }
      .bar__track {
        grid-column: 1 / -1;
        grid-row: 2;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplianceSummary {
  readonly counts = input<ComplianceCounts | null>(null);
  readonly error = input<string | null>(null);
  /** The status the table is filtered by ('' for all). */
  readonly selected = input<ComplianceStatus | ''>('');
  readonly selectStatus = output<ComplianceStatus | ''>();
  readonly retry = output<void>();

  protected readonly summary = computed(() => {
    const counts = this.counts();
    return counts ? summariseCounts(counts) : null;
  });
}
