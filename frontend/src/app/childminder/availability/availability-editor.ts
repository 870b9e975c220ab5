import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  type CalendarOptions,
  type DateSelectInfo,
  type EventClickInfo,
  FullCalendarModule,
} from '@fullcalendar/angular';
import interactionPlugin from '@fullcalendar/angular/interaction';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { baseCalendarOptions, phoneCalendarLayout } from '@shared/calendar/calendar-options';
import { ErrorState } from '@shared/page-state/error-state';
import { sourceOf } from '../calendar/calendar-events';
import { ChildminderCalendarFeed } from '../calendar/calendar-feed';
import { CalendarLegend } from '../calendar/calendar-legend';
import { AvailabilityApi } from './availability-api';
import { BlockDialog, type BlockDialogData, type BlockDialogResult } from './block-dialog';
import { describeUkDay } from './block-exceptions';
import { addableDayLane } from './day-lane-keys';
import { toUkWallClock } from './block-times';

/** The id of the text that tells keyboard users how to add a block on a day's column. */
const ADD_BY_KEYBOARD_HINT = 'add-on-calendar-hint';

/**
 * `/childminder/availability`: availability and time off on a week calendar; drag (or Enter on a
 * day) to add, select a block to edit.
 */
@Component({
  selector: 'app-availability-editor',
  imports: [
    FullCalendarModule,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ErrorState,
    CalendarLegend,
  ],
  templateUrl: './availability-editor.html',
  styleUrls: ['../calendar/childminder-calendar.scss', './availability-editor.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityEditor {
  private readonly availabilityApi = inject(AvailabilityApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly phone = phoneCalendarLayout();
  protected readonly feed = new ChildminderCalendarFeed();
  protected readonly blockCount = computed(
    () => this.feed.events().filter((e) => sourceOf(e.extendedProps ?? {})?.kind !== 'booking').length,
  );

  protected readonly addByKeyboardHint = ADD_BY_KEYBOARD_HINT;
  private readonly desktopBase = baseCalendarOptions({ phone: false });

  /** What the editor adds to the shared set-up: its data, and editing the block an event is. */
  private readonly ownOptions: CalendarOptions = {
    datesSet: this.feed.datesSet,
    eventClick: (info) => this.openEvent(info),
    noEventsText: 'Nothing this week',
  };

  /**
   * Blocks are drawn on the week's time grid: drag across it to add one, or (keyboard) move to a
   * day's column and press Enter.
   */
  protected readonly desktopOptions: CalendarOptions = withInteraction({
    ...this.desktopBase,
    ...this.ownOptions,
    dayLaneDidMount: (info) => {
      this.desktopBase.dayLaneDidMount?.(info);
      addableDayLane(info.el, ADD_BY_KEYBOARD_HINT, (date) => this.openDialog({ date }));
    },
    initialView: 'timeGridWeek',
    slotDuration: '00:30:00',
    snapDuration: '00:15:00',
    selectable: true,
    selectMirror: true,
    select: (info) => this.addFromSelection(info),
  });

  /** Dragging is no use on a phone's list: blocks are added with the button and its form. */
  protected readonly phoneOptions: CalendarOptions = {
    ...baseCalendarOptions({ phone: true }),
    ...this.ownOptions,
  };

  protected addBlock(prefill: BlockDialogData = {}): void {
    this.openDialog(prefill);
  }

  private addFromSelection(info: DateSelectInfo): void {
    const start = toUkWallClock(info.start);
    const end = toUkWallClock(info.end);
    const endTime = end.date === start.date ? end.time : '23:45';
    info.view.calendar.unselect();
    this.openDialog({ date: start.date, start: start.time, end: endTime });
  }

  private openEvent(info: EventClickInfo): void {
    info.jsEvent.preventDefault();
    const source = sourceOf(info.event.extendedProps);
    if (!source) return;
    if (source.kind === 'booking' && source.bookingId) {
      void this.router.navigate(['/childminder/bookings', source.bookingId]);
      return;
    }
    if (!source.blockId) return;
    const occurrenceDate = source.date ?? undefined;
    this.availabilityApi.get(source.blockId).subscribe({
      next: (block) => this.openDialog({ block, occurrenceDate }),
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  private openDialog(data: BlockDialogData): void {
    this.dialog
      .open<BlockDialog, BlockDialogData, BlockDialogResult>(BlockDialog, {
        data,
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.notifier.success(closingMessage(result));
        this.feed.reload();
      });
  }
}

/** Selecting a range needs the interaction plugin, which only the editor loads. */
function withInteraction(options: CalendarOptions): CalendarOptions {
  return { ...options, plugins: [...(options.plugins ?? []), interactionPlugin] };
}

/** What the snack bar says once the block dialog has done its work. */
function closingMessage(result: BlockDialogResult): string {
  if ('saved' in result) return `“${result.saved.title}” saved.`;
  if ('removedDay' in result) {
    return `${describeUkDay(result.removedDay)} removed from “${result.block.title}”. The other days stay.`;
  }
  return 'Deleted.';
}
