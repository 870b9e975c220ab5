import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EVENT_COLOURS } from './calendar-events';

/** What the calendar's colours mean (event titles say it in words too). */
@Component({
  selector: 'app-calendar-legend',
  template: `
    <ul class="legend" aria-label="Legend">
      @for (item of items; track item.label) {
        <li>
          <span class="swatch" [style.background]="item.colour" aria-hidden="true"></span>
          {{ item.label }}
        </li>
      }
    </ul>
  `,
  styles: `
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 16px;
      height: 16px;
      border-radius: 4px;
      border: 1px solid var(--mat-sys-outline);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarLegend {
  protected readonly items = [
    { label: 'Available', colour: EVENT_COLOURS.available.color },
    { label: 'Time off', colour: EVENT_COLOURS.unavailable.color },
    { label: 'Busy in Google Calendar', colour: EVENT_COLOURS.google_busy.color },
    { label: 'Booking waiting for an answer', colour: EVENT_COLOURS.pendingBooking.color },
    { label: 'Confirmed booking', colour: EVENT_COLOURS.booking.color },
  ];
}
