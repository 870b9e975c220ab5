import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { STATUS_LABELS } from './booking-rules';
import type { BookingStatus as Status } from '@core/api/api-types';

const ICONS: Record<Status, string> = {
  pending: 'hourglass_top',
  confirmed: 'event_available',
  completed: 'task_alt',
  rejected: 'block',
  cancelled: 'event_busy',
  expired: 'timer_off',
};

/** A booking's status as a pill: an icon and words, never colour alone. */
@Component({
  selector: 'app-booking-status',
  imports: [MatIconModule],
  template: `<span class="pill" [class]="'pill pill--' + status()"
    ><mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}</span
  >`,
  styles: `
    .pill {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .pill--confirmed,
    .pill--completed {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .pill--pending {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .pill--rejected,
    .pill--cancelled,
    .pill--expired {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingStatusPill {
  readonly status = input.required<Status>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
  protected readonly icon = computed(() => ICONS[this.status()]);
}
