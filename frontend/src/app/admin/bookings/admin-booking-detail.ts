import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { Booking } from '@core/api/api-types';
import { Notifier } from '@core/errors/notifier';
import { parentName } from '@shared/bookings/booking-format';
import { BookingDetailFrame } from '@shared/bookings/booking-detail-frame';
import { ReasonDialog, type ReasonDialogData } from '@shared/reason-dialog/reason-dialog';
import { LoadableFor } from '@shared/loadable/loadable';
import { AdminBookingsApi } from './admin-bookings-api';

/** Statuses an admin can still cancel. */
const CANCELLABLE = new Set<Booking['status']>(['pending', 'confirmed']);

/** `/admin/bookings/:bookingId`: one booking in full, with cancel (reason, confirmation). */
@Component({
  selector: 'app-admin-booking-detail',
  imports: [MatButtonModule, MatIconModule, BookingDetailFrame],
  template: `
    <app-booking-detail-frame
      backLink="/admin/bookings"
      [booking]="booking.value()"
      [error]="booking.error()"
      [showChildminder]="true"
      (retry)="booking.reload()"
    >
      @if (booking.value(); as b) {
        <h1>{{ title() }}</h1>
        <p class="muted id">Booking {{ b.id }}</p>
        @if (cancellable()) {
          <div class="actions">
            <button mat-stroked-button type="button" class="danger-text" (click)="cancelBooking(b)">
              <mat-icon aria-hidden="true">event_busy</mat-icon>
              Cancel booking…
            </button>
          </div>
        }
      }
    </app-booking-detail-frame>
  `,
  styles: `
    h1 {
      margin: 0;
    }
    .id {
      margin: 4px 0 16px;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .danger-text {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminBookingDetail {
  private readonly api = inject(AdminBookingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly bookingId = input.required<string>();

  protected readonly booking = new LoadableFor(this.bookingId, (id) => this.api.get(id));
  protected readonly title = computed(() => {
    const b = this.booking.value();
    return b ? `${parentName(b)} with ${b.childminder.displayName}` : '';
  });
  protected readonly cancellable = computed(() => {
    const b = this.booking.value();
    return !!b && CANCELLABLE.has(b.status);
  });

  protected cancelBooking(booking: Booking): void {
    this.dialog
      .open<ReasonDialog<Booking>, ReasonDialogData<Booking>, Booking>(ReasonDialog, {
        data: {
          title: 'Cancel this booking?',
          body: 'Every remaining session is cancelled. The parent and the childminder are both told, with your reason. This cannot be undone.',
          hint: 'The other side sees this reason.',
          keepLabel: 'Keep the booking',
          confirmLabel: 'Cancel booking',
          busyLabel: 'Cancelling…',
          submit: (reason) => this.api.cancel(booking.id, reason),
        },
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.booking.set(updated);
        this.notifier.success('Booking cancelled. Both sides have been told.');
      });
  }
}
