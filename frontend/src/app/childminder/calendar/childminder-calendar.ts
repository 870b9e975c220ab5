import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type CalendarOptions, type EventClickInfo, FullCalendarModule } from '@fullcalendar/angular';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { baseCalendarOptions, calendarFocusDate, phoneCalendarLayout } from '@shared/calendar/calendar-options';
import { ErrorState } from '@shared/page-state/error-state';
import { sourceOf } from './calendar-events';
import { ChildminderCalendarFeed } from './calendar-feed';
import { CalendarLegend } from './calendar-legend';

/** `/childminder/calendar`: availability, time off and bookings by month or week (a list on phones). */
@Component({
  selector: 'app-childminder-calendar',
  imports: [
    FullCalendarModule,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ErrorState,
    CalendarLegend,
  ],
  template: `
    <div class="page">
      <a class="back-link" routerLink="/childminder">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <div class="heading">
        <div>
          <h1>Calendar</h1>
          <p class="intro muted">
            Your availability, time off and bookings. Select a booking to open it. Times are UK time.
          </p>
        </div>
        <a mat-stroked-button routerLink="/childminder/availability">
          <mat-icon aria-hidden="true">edit_calendar</mat-icon>
          Edit availability
        </a>
      </div>
      <app-calendar-legend />
      <div class="status-line" role="status">
        @if (feed.loading()) {
          <mat-progress-bar mode="indeterminate" aria-hidden="true" />
          <span class="visually-hidden">Loading the calendar…</span>
        } @else if (!feed.loadError() && !feed.events().length) {
          <p class="empty muted">Nothing in this period.</p>
        }
      </div>
      @if (feed.loadError(); as message) {
        <app-error-state title="We couldn't load your calendar" [message]="message" (retry)="feed.reload()" />
      }
      <section class="calendar card-surface" aria-label="Calendar">
        @if (phone()) {
          <full-calendar [options]="phoneOptions" [events]="feed.events()" />
        } @else {
          <full-calendar [options]="desktopOptions" [events]="feed.events()" />
        }
      </section>
    </div>
  `,
  styleUrl: './childminder-calendar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildminderCalendar {
  private readonly router = inject(Router);
  /** `?date=YYYY-MM-DD` opens the week of that UK date (as the booking page links it). */
  private readonly focusDate = calendarFocusDate(inject(ActivatedRoute).snapshot.queryParamMap.get('date'));

  protected readonly phone = phoneCalendarLayout();
  protected readonly feed = new ChildminderCalendarFeed();

  /** What this calendar adds to the shared set-up: its data, and where an event leads. */
  private readonly ownOptions: CalendarOptions = {
    datesSet: this.feed.datesSet,
    eventClick: (info) => this.openEvent(info),
  };

  protected readonly desktopOptions: CalendarOptions = {
    ...baseCalendarOptions({
      phone: false,
      viewButtons: 'dayGridMonth,timeGridWeek',
      initialDate: this.focusDate,
    }),
    ...this.ownOptions,
    // A linked date is about one booking: its week shows the times.
    initialView: this.focusDate ? 'timeGridWeek' : 'dayGridMonth',
    dayMaxEvents: 4,
  };

  protected readonly phoneOptions: CalendarOptions = {
    ...baseCalendarOptions({ phone: true, initialDate: this.focusDate }),
    ...this.ownOptions,
  };

  private openEvent(info: EventClickInfo): void {
    info.jsEvent.preventDefault();
    const source = sourceOf(info.event.extendedProps);
    if (source?.kind === 'booking' && source.bookingId) {
      void this.router.navigate(['/childminder/bookings', source.bookingId]);
    } else if (source?.kind === 'google_busy') {
      // Busy time is changed in Google; the settings page says when it was last read.
      void this.router.navigate(['/account/calendar']);
    } else if (source?.blockId) {
      void this.router.navigate(['/childminder/availability']);
    }
  }
}
