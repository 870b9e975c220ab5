import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { formatPence } from '@shared/money/format-pence';
import { formatHours, formatSession, statusTimeline, toUkWallClock } from './booking-rules';
import { BookingStatusPill } from './booking-status-pill';
import type { Booking } from '@core/api/api-types';
import { BookingsApi } from './bookings-api';
import { type CancelBookingData, CancelBookingDialog } from './cancel-booking-dialog';
import { type ModifyBookingData, ModifyBookingDialog } from './modify-booking-dialog';
import { ReviewForm } from './review-form';

type DetailState =
  { kind: 'loading' } | { kind: 'loaded'; booking: Booking } | { kind: 'missing' } | { kind: 'error'; message: string };

const DIALOG_SIZE = { width: '560px', maxWidth: 'calc(100vw - 32px)' } as const;
/** Sessions listed before "show all": a year of weeks is too long to read. */
const SESSIONS_SHOWN = 8;

/** `/parent/bookings/:id`: one booking with its timeline; change it while pending, cancel it with a reason. */
@Component({
  selector: 'app-booking-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    UkDatePipe,
    ErrorState,
    LoadingState,
    BookingStatusPill,
    ReviewForm,
  ],
  templateUrl: './booking-detail.html',
  styleUrl: './booking-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDetail {
  private readonly api = inject(BookingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly state = signal<DetailState>({ kind: 'loading' });
  protected readonly showAllSessions = signal(false);
  private readonly attempt = signal(0);
  protected readonly formatPence = formatPence;
  protected readonly formatHours = formatHours;
  protected readonly formatSession = formatSession;
  protected readonly booking = computed(() => {
    const s = this.state();
    return s.kind === 'loaded' ? s.booking : null;
  });
  protected readonly timeline = computed(() => {
    const booking = this.booking();
    return booking ? statusTimeline(booking) : [];
  });
  protected readonly sessions = computed(() => {
    const all = this.booking()?.sessions ?? [];
    return this.showAllSessions() ? all : all.slice(0, SESSIONS_SHOWN);
  });
  protected readonly hiddenSessions = computed(() => (this.booking()?.sessions.length ?? 0) - this.sessions().length);

  constructor() {
    const request = computed(() => ({ id: this.id(), attempt: this.attempt() }));
    toObservable(request)
      .pipe(
        switchMap(({ id }) => {
          this.state.set({ kind: 'loading' });
          return this.api.get(id).pipe(
            map((booking): DetailState => ({ kind: 'loaded', booking })),
            catchError((error: unknown) => {
              const problem = toApiProblem(error);
              return of<DetailState>(
                problem.status === 404 || problem.status === 400
                  ? { kind: 'missing' }
                  : { kind: 'error', message: problem.message },
              );
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }

  /** The UK date the booking starts, to open the calendar there. */
  protected calendarDate(booking: Booking): string {
    return toUkWallClock(booking.startsAt).date;
  }

  protected can(action: Booking['allowedActions'][number]): boolean {
    return this.booking()?.allowedActions.includes(action) ?? false;
  }

  protected modifyBooking(booking: Booking): void {
    this.dialog
      .open<ModifyBookingDialog, ModifyBookingData, Booking>(ModifyBookingDialog, { data: { booking }, ...DIALOG_SIZE })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.state.set({ kind: 'loaded', booking: saved });
        this.notifier.success('Your request has been changed.');
      });
  }

  protected cancelBooking(booking: Booking): void {
    this.dialog
      .open<CancelBookingDialog, CancelBookingData, Booking>(CancelBookingDialog, {
        data: { booking },
        ...DIALOG_SIZE,
        width: '480px',
      })
      .afterClosed()
      .subscribe((cancelled) => {
        if (!cancelled) return;
        this.state.set({ kind: 'loaded', booking: cancelled });
        this.notifier.success('The booking has been cancelled.');
        // The button is gone: put focus somewhere that still exists.
        this.heading()?.nativeElement.focus();
      });
  }
}
