import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { type CalendarOptions, FullCalendarComponent, FullCalendarModule } from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import listPlugin from '@fullcalendar/angular/list';
import enGbLocale from 'fullcalendar/locales/en-gb';
import classicTheme from '@fullcalendar/angular/themes/classic';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
import { firstValueFrom, map } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { BookingsApi } from '../bookings/bookings-api';
import { toCalendarEvents } from './calendar-events';

const PHONE = '(max-width: 600px)';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/parent/calendar`: the parent's booking sessions, month and week, in UK time. Phones get a
 * list of the week, which reads better than a grid. Events are links to their booking, so they
 * are reached with Tab and opened with Enter. `?date=` opens the calendar on that date.
 */
@Component({
  selector: 'app-parent-calendar',
  imports: [RouterLink, FullCalendarModule, MatButtonModule, MatIconModule],
  template: `
    <div class="page">
      <a class="back-link" routerLink="/parent">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to your dashboard
      </a>
      <div class="title-row">
        <h1>Your calendar</h1>
        <a mat-stroked-button routerLink="/parent/bookings">
          <mat-icon aria-hidden="true">list</mat-icon>
          All bookings
        </a>
      </div>
      <p class="muted">Your children's care, in UK time. Choose a session to see its booking.</p>
      <div role="status" aria-live="polite" class="calendar-status">
        @if (loading()) {
          <span>Loading your bookings…</span>
        }
      </div>
      @if (error(); as message) {
        <div class="calendar-error" role="alert">
          <p>We couldn't load your bookings: {{ message }}</p>
          <button mat-stroked-button type="button" (click)="refetch()">
            <mat-icon aria-hidden="true">refresh</mat-icon>
            Try again
          </button>
        </div>
      }
      @if (options(); as opts) {
        <section class="calendar card-surface" aria-label="Calendar of your bookings">
          <full-calendar [options]="opts" />
        </section>
      }
    </div>
  `,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
    }
    .calendar {
      padding: 12px;
      margin-bottom: 32px;
    }
    .calendar-status {
      min-height: 1.5em;
      color: var(--mat-sys-on-surface-variant);
    }
    .calendar-error {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .calendar-error p {
      margin: 0;
    }
    app-parent-calendar .calendar-title {
      margin: 0;
      font: var(--mat-sys-title-large);
      text-align: center;
    }
    @media (max-width: 600px) {
      app-parent-calendar .calendar-title {
        font: var(--mat-sys-title-medium);
      }
      app-parent-calendar .calendar {
        padding: 4px;
      }
      /* The list view's titles wrap rather than being cut off. */
      app-parent-calendar .booking-event,
      app-parent-calendar .booking-event * {
        white-space: normal;
        overflow: visible;
        min-width: 0;
      }
    }
    /* The theme's faint text (other months' days) is too light to read: WCAG AA contrast. */
    app-parent-calendar .calendar {
      --fc-classic-faint-foreground: #4b5563;
      --fc-classic-muted-foreground: #4b5563;
      --fc-classic-primary: var(--mat-sys-primary);
      --fc-classic-primary-foreground: var(--mat-sys-on-primary);
    }
    app-parent-calendar .booking-event--pending {
      --fc-classic-event: var(--mat-sys-tertiary);
      --fc-classic-event-contrast: var(--mat-sys-on-tertiary);
    }
    app-parent-calendar .booking-event--confirmed {
      --fc-classic-event: var(--mat-sys-primary);
      --fc-classic-event-contrast: var(--mat-sys-on-primary);
    }
    app-parent-calendar .booking-event--completed {
      --fc-classic-event: var(--mat-sys-outline);
      --fc-classic-event-contrast: var(--mat-sys-surface);
    }
  `,
  // FullCalendar renders its own DOM: the event classes above must reach it.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParentCalendar {
  private readonly api = inject(BookingsApi);
  private readonly router = inject(Router);
  private readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
  );

  /** `?date=YYYY-MM-DD`: open on this UK date (a booking's "See in calendar" link). */
  readonly date = input<string>();

  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly calendar = viewChild(FullCalendarComponent);

  /** Built once the screen size is known: the initial view and toolbar depend on it. */
  protected readonly options = computed<CalendarOptions | null>(() => {
    const phone = this.phone();
    if (phone === undefined) return null;
    const date = this.date();
    return {
      ...(date && ISO_DATE.test(date) ? { initialDate: date } : {}),
      plugins: [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin],
      initialView: phone ? 'listWeek' : 'dayGridMonth',
      headerToolbar: phone
        ? { start: 'prev,next today', center: 'title', end: 'listWeek,dayGridMonth' }
        : { start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listWeek' },
      // The theme's title is too large for a phone ("30 November – 6 December 2026").
      toolbarTitleClass: 'calendar-title',
      todayText: 'Today',
      monthText: 'Month',
      listText: 'List',
      // A button's accessible name must contain its visible text (the default hint is "This month").
      todayHint: 'Today',
      timeZone: 'Europe/London',
      locale: enGbLocale,
      firstDay: 1,
      height: 'auto',
      nowIndicator: true,
      slotMinTime: '06:00:00',
      slotMaxTime: '21:00:00',
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      noEventsText: 'No care booked in this period',
      // A day cell's label ("1 December 2026") hides the events inside it from its name, which
      // screen readers then announce wrongly; without it the cell reads its number and events.
      dayCellDidMount: ({ el }: { el: HTMLElement }) => {
        const labelled = el.hasAttribute('aria-label') ? el : el.closest<HTMLElement>('div[aria-label]');
        labelled?.removeAttribute('aria-label');
      },
      events: (info: { start: Date; end: Date }) => this.loadEvents(info.start, info.end),
      eventClick: (info) => {
        // Events are links; open them inside the app rather than reloading the page.
        const url = info.event.url;
        if (!url) return;
        info.jsEvent.preventDefault();
        void this.router.navigateByUrl(url);
      },
    } as CalendarOptions;
  });

  protected refetch(): void {
    this.error.set(null);
    this.calendar()?.getApi().refetchEvents();
  }

  private async loadEvents(start: Date, end: Date) {
    this.loading.set(true);
    this.error.set(null);
    try {
      const feed = await firstValueFrom(this.api.calendar(start.toISOString(), end.toISOString()));
      return toCalendarEvents(feed.events);
    } catch (error: unknown) {
      this.error.set(toApiProblem(error).message);
      return [];
    } finally {
      this.loading.set(false);
    }
  }
}
