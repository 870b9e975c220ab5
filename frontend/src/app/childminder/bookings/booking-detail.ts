import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { Booking } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { messageParentLink, parentName } from '@shared/bookings/booking-format';
import { BookingDetailFrame } from '@shared/bookings/booking-detail-frame';
import { ReasonDialog, type ReasonDialogData } from '@shared/reason-dialog/reason-dialog';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadableFor } from '@shared/loadable/loadable';
import { toUkWallClock } from '../availability/block-times';
import { ChildminderBookingsApi } from './bookings-api';

/** `/childminder/bookings/:bookingId`: one request or booking, to confirm, decline or cancel. */
@Component({
  selector: 'app-booking-detail',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressSpinnerModule, BookingDetailFrame, FormAlert],
  template: `
    <app-booking-detail-frame
      backLink="/childminder/bookings"
      [booking]="booking.value()"
      [error]="booking.error()"
      (retry)="booking.reload()"
    >
      @if (booking.value(); as b) {
        <h1>Booking with {{ parent() }}</h1>
        <app-form-alert [message]="actionError()" />
        <!-- Where focus goes after an action: its result (the action's button may have gone). -->
        <div #actionResult tabindex="-1" class="action-result">
          <app-form-alert kind="success" [message]="actionDone()" />
        </div>
        <div class="actions">
          @if (b.allowedActions.includes('confirm')) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="confirmBooking(b)">
              @if (busy()) {
                <mat-progress-spinner class="button-spinner" mode="indeterminate" diameter="20" aria-hidden="true" />
              } @else {
                <mat-icon aria-hidden="true">check</mat-icon>
              }
              {{ busy() ? 'Confirming…' : 'Confirm booking' }}
            </button>
          }
          @if (b.allowedActions.includes('reject')) {
            <button mat-stroked-button type="button" class="danger-text" (click)="rejectBooking(b)">
              <mat-icon aria-hidden="true">close</mat-icon>
              Decline…
            </button>
          }
          @if (b.allowedActions.includes('cancel')) {
            <button mat-stroked-button type="button" class="danger-text" (click)="cancelBooking(b)">
              <mat-icon aria-hidden="true">event_busy</mat-icon>
              Cancel booking…
            </button>
          }
          @if (b.status === 'confirmed' || b.status === 'pending') {
            <a mat-button routerLink="/childminder/calendar" [queryParams]="{ date: firstDay() }">
              <mat-icon aria-hidden="true">calendar_month</mat-icon>
              See in calendar
            </a>
          }
          <a mat-button [routerLink]="messageLink().path" [queryParams]="messageLink().queryParams">
            <mat-icon aria-hidden="true">chat</mat-icon>
            Message {{ b.parent.firstName }}
          </a>
        </div>
      }
    </app-booking-detail-frame>
  `,
  styles: `
    h1 {
      margin: 0 0 16px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .action-result:focus-visible {
      border-radius: var(--mat-sys-corner-medium);
    }
    .danger-text {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDetail {
  private readonly api = inject(ChildminderBookingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly injector = inject(Injector);
  private readonly actionResult = viewChild<ElementRef<HTMLElement>>('actionResult');

  /** From the route (component input binding). */
  readonly bookingId = input.required<string>();

  protected readonly booking = new LoadableFor(this.bookingId, (id) => this.api.get(id));
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly actionDone = signal<string | null>(null);
  protected readonly parent = computed(() => {
    const b = this.booking.value();
    return b ? parentName(b) : '';
  });
  protected readonly firstDay = computed(() => {
    const b = this.booking.value();
    return b ? toUkWallClock(b.startsAt).date : '';
  });
  protected readonly messageLink = computed(() => {
    const b = this.booking.value();
    return b ? messageParentLink(b) : { path: '/childminder/messages', queryParams: { to: '', name: '' } };
  });

  protected confirmBooking(booking: Booking): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    this.actionDone.set(null);
    this.api.answer(booking.id, { action: 'confirm' }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.booking.set(updated);
        this.actionDone.set('Booking confirmed. The parent has been told.');
        afterNextRender(() => this.actionResult()?.nativeElement.focus(), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        this.actionError.set(problem.status === 409 ? `We couldn't confirm it: ${problem.message}` : problem.message);
      },
    });
  }

  protected rejectBooking(booking: Booking): void {
    this.askReason(
      booking,
      {
        title: 'Decline this request?',
        body: `${parentName(booking)} is told that you declined, with your reason.`,
        hint: 'The other side sees this reason.',
        keepLabel: 'Keep the request',
        confirmLabel: 'Decline request',
        busyLabel: 'Declining…',
        submit: (reason) => this.api.answer(booking.id, { action: 'reject', reason }),
      },
      'Request declined. The parent has been told.',
    );
  }

  protected cancelBooking(booking: Booking): void {
    this.askReason(
      booking,
      {
        title: 'Cancel this confirmed booking?',
        body: `Every session of it is cancelled and ${parentName(booking)} is told, with your reason. This cannot be undone.`,
        hint: 'The other side sees this reason.',
        keepLabel: 'Keep the booking',
        confirmLabel: 'Cancel booking',
        busyLabel: 'Cancelling…',
        submit: (reason) => this.api.answer(booking.id, { action: 'cancel', reason }),
      },
      'Booking cancelled. The parent has been told.',
    );
  }

  private askReason(booking: Booking, data: ReasonDialogData<Booking>, done: string): void {
    this.actionError.set(null);
    this.actionDone.set(null);
    this.dialog
      .open<ReasonDialog<Booking>, ReasonDialogData<Booking>, Booking>(ReasonDialog, {
        data,
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated || updated.id !== booking.id) return;
        this.booking.set(updated);
        this.notifier.success(done);
      });
  }
}
