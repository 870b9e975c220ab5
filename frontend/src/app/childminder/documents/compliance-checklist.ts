import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DocumentType } from './document-types';
import type { OwnCompliance } from '@core/api/api-types';
import {
  COMPLIANCE_STATUS_LABELS,
  describeRequirement,
  REQUIREMENT_STATE_ICONS,
  requiredProgress,
} from './compliance-labels';
import { DOCUMENT_TYPE_LABELS } from './document-types';

/** The childminder's compliance at a glance: overall status, required items done, one line per requirement. */
@Component({
  selector: 'app-compliance-checklist',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    @let summary = compliance();
    <section class="checklist card-surface" aria-labelledby="checklist-title">
      <div class="checklist__header">
        <h2 id="checklist-title">Your compliance</h2>
        <span class="status" [class]="'status status--' + summary.status" data-testid="compliance-status">
          {{ statusLabels[summary.status] }}
        </span>
      </div>
      <p class="muted checklist__progress-label" id="required-progress">
        {{ progress().done }} of {{ progress().total }} required documents approved and in date
      </p>
      <mat-progress-bar
        mode="determinate"
        [value]="progress().total ? (100 * progress().done) / progress().total : 0"
        aria-labelledby="required-progress"
      />
      <ul class="checklist__items" aria-label="Compliance requirements">
        @for (item of summary.checklist; track item.documentType) {
          <li class="item" [class]="'item item--' + item.state">
            <mat-icon class="item__icon" aria-hidden="true">{{ icons[item.state] }}</mat-icon>
            <div class="item__text">
              <strong>{{ item.label }}</strong>
              @if (!item.mandatory) {
                <span class="muted"> (optional)</span>
              }
              <span class="item__state">{{ describe(item) }}</span>
            </div>
            @if (item.state !== 'approved' && item.state !== 'pending') {
              <button mat-stroked-button type="button" (click)="uploadFor.emit(item.documentType)">
                Upload <span class="visually-hidden">{{ item.label }}</span>
              </button>
            }
          </li>
        }
      </ul>
      @if (summary.badges.length) {
        <p class="checklist__badges">
          <span class="muted">Badges on your public profile:</span>
          @for (badge of summary.badges; track badge) {
            <span class="badge"><mat-icon aria-hidden="true">verified</mat-icon>{{ typeLabels[badge] }}</span>
          }
        </p>
      } @else {
        <p class="muted checklist__badges">
          Approved documents show as badges on your public profile; you have none yet.
        </p>
      }
    </section>
  `,
  styles: `
    .checklist {
      padding: 16px;
      margin-bottom: 24px;
    }
    .checklist__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      h2 {
        margin: 0;
      }
    }
    .checklist__progress-label {
      margin: 8px 0 4px;
    }
    .status {
      padding: 2px 12px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
    }
    .status--compliant {
      background: #d7f0dc;
      color: #0b5d1e;
    }
    .status--expiring {
      background: #fff1c7;
      color: #6b4c00;
    }
    .status--non_compliant {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .checklist__items {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .item__icon {
      flex: none;
      color: var(--mat-sys-outline);
    }
    .item--approved .item__icon {
      color: #1b7f3b;
    }
    .item--expiring .item__icon,
    .item--pending .item__icon {
      color: #8a6100;
    }
    .item--rejected .item__icon,
    .item--expired .item__icon {
      color: var(--mat-sys-error);
    }
    .item__text {
      flex: 1;
      min-width: 0;
    }
    .item__state {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .checklist__badges {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 12px 0 0;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font: var(--mat-sys-label-medium);
      mat-icon {
        font-size: 16px;
        width: 16px;
        height: 16px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplianceChecklist {
  readonly compliance = input.required<OwnCompliance>();
  /** The childminder wants to upload a document of this type. */
  readonly uploadFor = output<DocumentType>();

  protected readonly statusLabels = COMPLIANCE_STATUS_LABELS;
  protected readonly icons = REQUIREMENT_STATE_ICONS;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly describe = describeRequirement;
  protected readonly progress = computed(() => requiredProgress(this.compliance().checklist));
}
