import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type CalendarOptions,
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventInput,
  FullCalendarModule,
} from '@fullcalendar/angular';
import interactionPlugin from '@fullcalendar/angular/interaction';
import listPlugin from '@fullcalendar/angular/list';
import themePlugin from '@fullcalendar/angular/themes/monarch';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ErrorState } from '@shared/page-state/error-state';
import { ChildminderBookingsApi } from '../bookings/bookings-api';
import { sourceOf, toEventInput } from '../calendar/calendar-events';
import { CalendarLegend } from '../calendar/calendar-legend';
import { listEventAsListItem } from '../calendar/list-event-role';
import { AvailabilityApi } from './availability-api';
import { BlockDialog, type BlockDialogData, type BlockDialogResult } from './block-dialog';
import { describeUkDay } from './block-exceptions';
import { toUkWallClock } from './block-times';

const PHONE = '(max-width: 599px)';

/** `/childminder/availability`: availability and time off on a week calendar; drag to add, click to edit. */
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
  styleUrl: './availability-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityEditor {
  private readonly bookingsApi = inject(ChildminderBookingsApi);
  private readonly availabilityApi = inject(AvailabilityApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly events = signal<EventInput[]>([]);
  protected readonly blockCount = computed(
    () => this.events().filter((e) => sourceOf(e.extendedProps ?? {})?.kind !== 'booking').length,
  );
  private range: { from: string; to: string } | null = null;

  private readonly baseOptions: CalendarOptions = {
    plugins: [themePlugin, timeGridPlugin, listPlugin, interactionPlugin],
    timeZone: 'Europe/London',
    locale: 'en-gb',
    firstDay: 1,
    allDaySlot: false,
    nowIndicator: true,
    slotMinTime: '06:00:00',
    slotMaxTime: '21:00:00',
    scrollTime: '07:00:00',
    slotDuration: '00:30:00',
    snapDuration: '00:15:00',
    height: 'auto',
    eventInteractive: true,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    noEventsText: 'Nothing this week',
    todayText: 'Today',
    todayHint: 'Today',
    datesSet: (info) => this.loadRange(info),
    eventClick: (info) => this.openEvent(info),
  };

  protected readonly desktopOptions: CalendarOptions = {
    ...this.baseOptions,
    initialView: 'timeGridWeek',
    headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
    selectable: true,
    selectMirror: true,
    select: (info) => this.addFromSelection(info),
  };

  protected readonly phoneOptions: CalendarOptions = {
    ...this.baseOptions,
    initialView: 'listWeek',
    eventDidMount: listEventAsListItem,
    headerToolbar: { start: 'prev,next', center: '', end: 'today' },
  };

  protected addBlock(prefill: BlockDialogData = {}): void {
    this.openDialog(prefill);
  }

  protected reload(): void {
    if (this.range) this.fetch(this.range);
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
        this.reload();
      });
  }

  private loadRange(info: DatesSetInfo): void {
    this.range = { from: info.start.toISOString(), to: info.end.toISOString() };
    this.fetch(this.range);
  }

  private fetch(range: { from: string; to: string }): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.bookingsApi.calendar(range.from, range.to).subscribe({
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

/** What the snack bar says once the block dialog has done its work. */
function closingMessage(result: BlockDialogResult): string {
  if ('saved' in result) return `“${result.saved.title}” saved.`;
  if ('removedDay' in result) {
    return `${describeUkDay(result.removedDay)} removed from “${result.block.title}”. The other days stay.`;
  }
  return 'Deleted.';
}
