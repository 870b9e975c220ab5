import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { type CalendarOptions, FullCalendarComponent, FullCalendarModule } from '@fullcalendar/angular';
import { firstValueFrom } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { baseCalendarOptions, calendarFocusDate, phoneCalendarLayout } from '@shared/calendar/calendar-options';
import { BookingsApi } from '../bookings/bookings-api';
import { toCalendarEvents } from './calendar-events';

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
      <section class="calendar card-surface" aria-label="Calendar of your bookings">
        <full-calendar [options]="options()" />
      </section>
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
    @media (max-width: 599px) {
      .calendar {
        padding: 4px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParentCalendar {
  private readonly api = inject(BookingsApi);
  private readonly router = inject(Router);
  private readonly phone = phoneCalendarLayout();

  /** `?date=YYYY-MM-DD`: open on this UK date (a booking's "See in calendar" link). */
  readonly date = input<string>();

  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly calendar = viewChild(FullCalendarComponent);

  /** Built from the screen size and `?date=`, once the input is set: the first view depends on them. */
  protected readonly options = computed<CalendarOptions>(() => {
    const phone = this.phone();
    return {
      ...baseCalendarOptions({
        phone,
        viewButtons: phone ? 'listWeek,dayGridMonth' : 'dayGridMonth,timeGridWeek,listWeek',
        initialDate: calendarFocusDate(this.date()),
      }),
      ...(phone ? {} : { initialView: 'dayGridMonth' }),
      noEventsText: 'No care booked in this period',
      events: (info: { start: Date; end: Date }) => this.loadEvents(info.start, info.end),
      eventClick: (info) => {
        // Events are links; open them inside the app rather than reloading the page.
        const url = info.event.url;
        if (!url) return;
        info.jsEvent.preventDefault();
        void this.router.navigateByUrl(url);
      },
    };
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
