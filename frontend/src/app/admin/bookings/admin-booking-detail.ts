import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Booking } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { parentName } from '@shared/bookings/booking-format';
import { BookingReasonDialog, type BookingReasonData } from '@shared/bookings/booking-reason-dialog';
import { BookingSummary } from '@shared/bookings/booking-summary';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminBookingsApi } from './admin-bookings-api';

/** Statuses an admin can still cancel. */
const CANCELLABLE = new Set<Booking['status']>(['pending', 'confirmed']);

/** `/admin/bookings/:bookingId`: one booking in full, with cancel (reason, confirmation). */
@Component({
  selector: 'app-admin-booking-detail',
  imports: [RouterLink, MatButtonModule, MatIconModule, BookingSummary, ErrorState, LoadingState],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/admin/bookings">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to bookings
      </a>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load this booking" [message]="message" (retry)="loadBooking()" />
      } @else if (booking(); as b) {
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
        <section class="section card-surface" aria-label="Booking details">
          <app-booking-summary [booking]="b" [showChildminder]="true" />
        </section>
      } @else {
        <app-loading-state label="Loading the booking…" />
      }
    </div>
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
    .section {
      padding: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminBookingDetail {
  private readonly api = inject(AdminBookingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly bookingId = input.required<string>();

  protected readonly booking = signal<Booking | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly title = computed(() => {
    const b = this.booking();
    return b ? `${parentName(b)} with ${b.childminder.displayName}` : '';
  });
  protected readonly cancellable = computed(() => {
    const b = this.booking();
    return !!b && CANCELLABLE.has(b.status);
  });

  constructor() {
    toObservable(this.bookingId)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.loadBooking());
  }

  protected loadBooking(): void {
    this.loadError.set(null);
    this.booking.set(null);
    this.api.get(this.bookingId()).subscribe({
      next: (booking) => this.booking.set(booking),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected cancelBooking(booking: Booking): void {
    this.dialog
      .open<BookingReasonDialog, BookingReasonData, Booking>(BookingReasonDialog, {
        data: {
          title: 'Cancel this booking?',
          body: 'Every remaining session is cancelled. The parent and the childminder are both told, with your reason. This cannot be undone.',
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
