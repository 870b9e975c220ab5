import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Booking } from '@core/api/api-types';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { BookingSummary } from './booking-summary';

/**
 * The page around one booking as the childminder or an admin sees it: the way back, loading and
 * failure, and the booking's facts. The projected content (heading and the side's own actions)
 * shows above the facts once the booking has loaded; guard it on the booking too.
 */
@Component({
  selector: 'app-booking-detail-frame',
  imports: [RouterLink, MatIconModule, BookingSummary, ErrorState, LoadingState],
  template: `
    <div class="page page--medium">
      <a class="back-link" [routerLink]="backLink()">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to bookings
      </a>
      @if (error(); as message) {
        <app-error-state title="We couldn't load this booking" [message]="message" (retry)="retry.emit()" />
      } @else if (booking(); as b) {
        <ng-content />
        <section class="section card-surface" aria-label="Booking details">
          <app-booking-summary [booking]="b" [showChildminder]="showChildminder()" />
        </section>
      } @else {
        <app-loading-state label="Loading the booking…" />
      }
    </div>
  `,
  styles: `
    .section {
      padding: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDetailFrame {
  readonly backLink = input.required<string>();
  readonly booking = input.required<Booking | null>();
  readonly error = input.required<string | null>();
  readonly showChildminder = input(false);
  readonly retry = output<void>();
}
