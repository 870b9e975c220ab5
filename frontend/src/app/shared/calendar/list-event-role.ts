import { ukDayName } from './cell-names';

/**
 * FullCalendar 7's list view puts interactive events (role="button") straight inside a
 * role="list" container, which screen readers and axe reject (aria-required-children). As list
 * items they are announced in their list; they keep their tab stop and Enter/click handling.
 */
export function listEventAsListItem(info: { el: HTMLElement }): void {
  if (info.el.getAttribute('role') === 'button' && info.el.parentElement?.getAttribute('role') === 'list') {
    info.el.setAttribute('role', 'listitem');
  }
}

/**
 * An event's accessible name starts with its day ("Monday 8 December, 07:30-18:00 Available:
 * Open for care"): in the week and month grids the name is otherwise only its time and title,
 * the same on every day. `startStr` is in the calendar's time zone, so its date is the UK day.
 */
export function nameEventWithDay(info: { el: HTMLElement; event: { startStr: string } }): void {
  const day = ukDayName(info.event.startStr.slice(0, 10));
  if (!day || info.el.querySelector('.event-day')) return;
  const label = `${day}, `;
  const existing = info.el.getAttribute('aria-label');
  if (existing) {
    info.el.setAttribute('aria-label', label + existing);
    return;
  }
  const hidden = document.createElement('span');
  hidden.className = 'event-day visually-hidden';
  hidden.textContent = label;
  info.el.prepend(hidden);
}
