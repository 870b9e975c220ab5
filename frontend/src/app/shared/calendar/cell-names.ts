/**
 * Names for FullCalendar's grid cells. Its month cells carry a date label that hides the events
 * inside them from the cell's name (so it is removed), its time-grid day columns carry no name
 * at all, and the empty corner above the time axis is a nameless gridcell: every gridcell gets
 * a name a screen reader can announce.
 */

const DAY_NAME = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Monday 7 December" for the UK date `2026-12-07`; null for anything else. */
export function ukDayName(date: string | null | undefined): string | null {
  if (!date || !ISO_DATE.test(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over to 2 March: a day that does not exist has no name.
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return null;
  return DAY_NAME.format(instant);
}

/**
 * A day cell (month grid) or day column (week grid) reads its day, then its events: the day is
 * visually hidden text at the start of the cell rather than a label, which would hide the events.
 * FullCalendar keeps the cell's `data-date` (the UK date, as the calendar's time zone is UK time).
 */
export function nameDayCell(el: HTMLElement): void {
  el.removeAttribute('aria-label');
  const day = ukDayName(el.getAttribute('data-date'));
  if (!day || el.querySelector(':scope > .cc-day-name')) return;
  const name = document.createElement('span');
  name.className = 'cc-day-name visually-hidden';
  name.textContent = day;
  el.prepend(name);
  nameEmptyCells(el.closest<HTMLElement>('[role="grid"]'));
}

/** The week grid's empty corner cell (above the times, beside the day headings). */
export function nameEmptyCells(grid: HTMLElement | null): void {
  grid?.querySelectorAll<HTMLElement>('[role="gridcell"]:empty:not([aria-label])').forEach((cell) => {
    cell.setAttribute('aria-label', 'Times of day');
  });
}
