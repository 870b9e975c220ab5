import { inject, signal } from '@angular/core';
import type { DatesSetInfo, EventInput } from '@fullcalendar/angular';
import { toApiProblem } from '@core/errors/api-error';
import { ChildminderBookingsApi } from '../bookings/bookings-api';
import { toEventInput } from './calendar-events';

/**
 * The childminder's calendar feed (availability, time off, bookings) for the dates on screen,
 * shared by the calendar and the availability editor. Create it in a field initialiser (it
 * injects the API) and give `datesSet` to FullCalendar: every change of view or week loads
 * that range. A slower answer for a range no longer on screen is dropped.
 */
export class ChildminderCalendarFeed {
  private readonly api = inject(ChildminderBookingsApi);
  private range: { from: string; to: string } | null = null;

  readonly loading = signal(true);
  readonly loadError = signal<string | null>(null);
  readonly events = signal<EventInput[]>([]);

  readonly datesSet = (info: DatesSetInfo): void => {
    this.range = { from: info.start.toISOString(), to: info.end.toISOString() };
    this.fetch(this.range);
  };

  /** Loads the range on screen again (after a change, or "Try again"). */
  reload(): void {
    if (this.range) this.fetch(this.range);
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
