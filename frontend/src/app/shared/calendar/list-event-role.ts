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
