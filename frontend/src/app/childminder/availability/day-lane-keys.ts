/**
 * The keyboard's way to add a block on the calendar itself (dragging is the pointer's): each day
 * column of the week grid is a focusable gridcell whose name starts with its day. One of them is in the tab
 * order (today's, or the week's first day); the arrow keys, Home and End move between the days,
 * and Enter or Space opens the add dialog for the focused day.
 */
import { ukDayName } from '@shared/calendar/cell-names';

const LANE = '[role="gridcell"][data-date]';

/** The day columns of the lane's row, in order. */
function lanesBeside(lane: HTMLElement): HTMLElement[] {
  const row = lane.closest<HTMLElement>('[role="row"]');
  return row ? [...row.querySelectorAll<HTMLElement>(LANE)] : [lane];
}

/** Puts `lane` alone in the tab order among its row's days. */
function makeTabStop(lanes: HTMLElement[], lane: HTMLElement): void {
  for (const other of lanes) other.tabIndex = other === lane ? 0 : -1;
}

/** Gives the row one tab stop once its days are all mounted (today's, or the first day's). */
function ensureOneTabStop(lane: HTMLElement): void {
  const lanes = lanesBeside(lane);
  if (!lanes.length || lanes.some((l) => l.tabIndex === 0)) return;
  makeTabStop(lanes, lanes.find((l) => l.getAttribute('aria-current') === 'date') ?? lanes[0]!);
}

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (i, n) => Math.min(i + 1, n - 1),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * Makes a mounted day column (FullCalendar's `dayLaneDidMount` element) a keyboard target:
 * `add(date)` is called with its UK date (`YYYY-MM-DD`) on Enter or Space. `hintId` names the
 * element that tells how (its `aria-describedby`).
 */
export function addableDayLane(lane: HTMLElement, hintId: string, add: (date: string) => void): void {
  const date = lane.getAttribute('data-date');
  if (!date || !ukDayName(date) || lane.classList.contains('cc-addable-day')) return;
  lane.classList.add('cc-addable-day');
  // Its name is its content: the day (nameDayCell's hidden text), then its events. A label
  // would hide the events' visible text from it.
  lane.setAttribute('aria-describedby', hintId);
  lane.tabIndex = -1;
  lane.addEventListener('keydown', (event) => {
    // Keys on an event inside the column belong to the event (Enter opens it).
    if (event.target !== lane) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      add(date);
      return;
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const lanes = lanesBeside(lane);
    const target = lanes[move(lanes.indexOf(lane), lanes.length)] ?? lane;
    makeTabStop(lanes, target);
    target.focus();
  });
  // Every column of the week mounts in the same pass: choose the tab stop once they are there.
  queueMicrotask(() => ensureOneTabStop(lane));
}
