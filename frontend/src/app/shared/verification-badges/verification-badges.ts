import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { VerificationBadge } from '@core/api/api-types';
import { CHECK_NAMES, missingChecks } from './required-checks';

/** What each badge tells a parent, short enough for a chip. */
export const BADGE_LABELS: Readonly<Record<VerificationBadge, string>> = {
  ofsted_registration: 'Ofsted registered',
  dbs_certificate: 'DBS checked',
  first_aid_certificate: 'Paediatric first aid',
  public_liability_insurance: 'Insured',
  safeguarding_training: 'Safeguarding trained',
  other: 'Verified document',
};

/**
 * Verification badges: one per document type an admin has checked and that has not expired.
 * A list, so screen readers announce how many there are.
 */
@Component({
  selector: 'app-verification-badges',
  imports: [MatIconModule, MatTooltipModule],
  template: `
    @if (missing().length) {
      <p class="incomplete" [class.incomplete--compact]="compact()">
        <mat-icon aria-hidden="true">warning</mat-icon>
        <span
          ><strong>Checks not complete.</strong> Not verified or not in date:
          @for (check of missing(); track check; let last = $last) {
            {{ checkNames[check] }}{{ last ? '' : ', ' }}
          }
        </span>
      </p>
    }
    @if (badges().length) {
      <ul class="badges" [class.badges--compact]="compact()" aria-label="Verified by Childminder Connect">
        @for (badge of badges(); track badge) {
          <li class="badge" [matTooltip]="'We have checked this document and it is in date'">
            <mat-icon aria-hidden="true">verified</mat-icon>{{ labels[badge] }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .incomplete {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      margin: 8px 0 0;
      padding: 6px 10px;
      border-radius: 8px;
      background: #fdecea;
      color: #8c1d18;
      font: var(--mat-sys-body-small);
      mat-icon {
        flex: none;
        font-size: 18px;
        width: 18px;
        height: 18px;
      }
    }
    .incomplete--compact {
      font: var(--mat-sys-label-small);
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 999px;
      background: #d7f0dc;
      color: #0b5d1e;
      font: var(--mat-sys-label-medium);
      mat-icon {
        font-size: 16px;
        width: 16px;
        height: 16px;
      }
    }
    .badges--compact .badge {
      font: var(--mat-sys-label-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationBadges {
  readonly badges = input.required<readonly VerificationBadge[]>();
  readonly compact = input(false);
  protected readonly labels = BADGE_LABELS;
  protected readonly checkNames = CHECK_NAMES;
  protected readonly missing = computed(() => missingChecks(this.badges()));
}
