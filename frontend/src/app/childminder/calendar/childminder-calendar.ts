import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type CalendarOptions,
  type DatesSetInfo,
  type EventClickInfo,
  type EventInput,
  FullCalendarModule,
} from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import listPlugin from '@fullcalendar/angular/list';
import themePlugin from '@fullcalendar/angular/themes/monarch';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { ErrorState } from '@shared/page-state/error-state';
import { ChildminderBookingsApi } from '../bookings/bookings-api';
import { sourceOf, toEventInput } from './calendar-events';
import { CalendarLegend } from './calendar-legend';
import { listEventAsListItem } from './list-event-role';

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
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-hidden="true" />
          <span class="visually-hidden">Loading the calendar…</span>
        } @else if (!loadError() && !events().length) {
          <p class="empty muted">Nothing in this period.</p>
        }
      </div>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load your calendar" [message]="message" (retry)="reload()" />
      }
      <section class="calendar card-surface" aria-label="Calendar">
        @if (phone()) {
          <full-calendar [options]="phoneOptions" [events]="events()" />
        } @else {
          <full-calendar [options]="desktopOptions" [events]="events()" />
        }
      </section>
    </div>
  `,
  styleUrl: './childminder-calendar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildminderCalendar {
  private readonly api = inject(ChildminderBookingsApi);
  private readonly router = inject(Router);
  /** `?date=YYYY-MM-DD` opens the week of that UK date (as the booking page links it). */
  private readonly focusDate = (() => {
    const date = inject(ActivatedRoute).snapshot.queryParamMap.get('date');
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  })();

  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly events = signal<EventInput[]>([]);
  private range: { from: string; to: string } | null = null;

  private readonly baseOptions: CalendarOptions = {
    plugins: [themePlugin, dayGridPlugin, timeGridPlugin, listPlugin],
    timeZone: 'Europe/London',
    locale: 'en-gb',
    firstDay: 1,
    allDaySlot: false,
    nowIndicator: true,
    height: 'auto',
    slotMinTime: '06:00:00',
    slotMaxTime: '21:00:00',
    eventInteractive: true,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    noEventsText: 'Nothing in this period',
    todayHint: 'Today',
    datesSet: (info) => this.loadRange(info),
    eventClick: (info) => this.openEvent(info),
  };

  protected readonly desktopOptions: CalendarOptions = {
    ...this.baseOptions,
    initialView: this.focusDate ? 'timeGridWeek' : 'dayGridMonth',
    ...(this.focusDate ? { initialDate: this.focusDate, scrollTime: '07:00:00' } : {}),
    dayMaxEvents: 4,
    headerToolbar: { start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek' },
    monthText: 'Month',
    todayText: 'Today',
  };

  protected readonly phoneOptions: CalendarOptions = {
    ...this.baseOptions,
    initialView: 'listWeek',
    eventDidMount: listEventAsListItem,
    ...(this.focusDate ? { initialDate: this.focusDate } : {}),
    headerToolbar: { start: 'prev,next', center: '', end: 'today' },
  };

  protected reload(): void {
    if (this.range) this.fetch(this.range);
  }

  private openEvent(info: EventClickInfo): void {
    info.jsEvent.preventDefault();
    const source = sourceOf(info.event.extendedProps);
    if (source?.kind === 'booking' && source.bookingId) {
      void this.router.navigate(['/childminder/bookings', source.bookingId]);
    } else if (source?.blockId) {
      void this.router.navigate(['/childminder/availability']);
    }
  }

  private loadRange(info: DatesSetInfo): void {
    this.range = { from: info.start.toISOString(), to: info.end.toISOString() };
    this.fetch(this.range);
  }

  private fetch(range: { from: string; to: string }): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.calendar(range.from, range.to).subscribe({
      next: (feed) => {
        if (this.range !== range) return;
        this.loading.set(false);
        this.events.set(feed.events.map(toEventInput));
      },
      error: (error: unknown) => {
        if (this.range !== range) return;
        this.loading.set(false);
        this.loadError.set(toApiProblem(error).message);
      },
    });
  }
}
