/**
 * The FullCalendar set-up every calendar in the app shares: the Monarch theme (FullCalendar's
 * Material Design 3 look; its colours come from the Material theme, see _calendar-theme.scss),
 * UK time and formats, weeks from Monday, one toolbar and a list of the week on phones.
 * Components add what only they do: their views, data and what selecting an event opens.
 */
import { BreakpointObserver } from '@angular/cdk/layout';
import { type Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CalendarOptions } from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import listPlugin from '@fullcalendar/angular/list';
import monarchTheme from '@fullcalendar/angular/themes/monarch';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
// The locale object, not the string 'en-gb': a string names only a locale that has been
// registered, and FullCalendar would otherwise fall back to US English formats.
import enGbLocale from 'fullcalendar/locales/en-gb';
import { map } from 'rxjs';
import { nameDayCell } from './cell-names';
import { listEventAsListItem, nameEventWithDay } from './list-event-role';

/** Phones get the week as a list: a seven-column grid is unreadable at this width. */
export const PHONE_CALENDAR_QUERY = '(max-width: 599px)';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the screen is phone-sized. Call in an injection context (a field initialiser). */
export function phoneCalendarLayout(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_CALENDAR_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}

/** A `?date=` value to open the calendar on, if it is a real `YYYY-MM-DD` (anything else is ignored). */
export function calendarFocusDate(value: string | null | undefined): string | null {
  return value && ISO_DATE.test(value) ? value : null;
}

export interface CalendarLayout {
  phone: boolean;
  /** The view buttons at the toolbar's end, e.g. `'dayGridMonth,timeGridWeek'` (none by default). */
  viewButtons?: string;
  /** The UK date (`YYYY-MM-DD`) to open on; today when null. */
  initialDate?: string | null;
}

/**
 * Options shared by every calendar; spread them first and add or override the component's own.
 * Phones always open on the week's list; a component sets `initialView` for larger screens.
 */
export function baseCalendarOptions(layout: CalendarLayout): CalendarOptions {
  return {
    plugins: [monarchTheme, dayGridPlugin, timeGridPlugin, listPlugin],
    ...(layout.initialDate ? { initialDate: layout.initialDate } : {}),
    ...(layout.phone ? { initialView: 'listWeek' } : {}),
    // Care happens in the UK: times are shown in UK time wherever the browser is.
    timeZone: 'Europe/London',
    locale: enGbLocale,
    firstDay: 1,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    // Childcare runs from early morning to evening; the rest of the day is empty space.
    slotMinTime: '06:00:00',
    slotMaxTime: '21:00:00',
    scrollTime: '07:00:00',
    allDaySlot: false,
    nowIndicator: true,
    height: 'auto',
    headerToolbar: { start: 'prev,next today', center: 'title', end: layout.viewButtons ?? '' },
    // The stock title is too large for a phone ("30 November – 6 December 2026"): see
    // _calendar-theme.scss.
    toolbarTitleClass: 'calendar-title',
    todayText: 'Today',
    monthText: 'Month',
    listText: 'List',
    // A button's accessible name must contain its visible text (the stock hint is "This week").
    todayHint: 'Today',
    noEventsText: 'Nothing in this period',
    // Every event opens something (its booking or block): Tab reaches it, Enter opens it.
    eventInteractive: true,
    eventDidMount: (info) => {
      listEventAsListItem(info);
      nameEventWithDay(info);
    },
    // A day cell's label ("1 December 2026") hides the events inside it from its name, which
    // screen readers then announce wrongly: the cell reads its day, then its events, instead.
    dayCellDidMount: ({ el }: { el: HTMLElement }) => {
      if (!el.hasAttribute('aria-label')) el.closest<HTMLElement>('div[aria-label]')?.removeAttribute('aria-label');
      nameDayCell(el);
    },
    // A week's day column is a gridcell with no name of its own.
    dayLaneDidMount: ({ el }: { el: HTMLElement }) => nameDayCell(el),
  };
}
