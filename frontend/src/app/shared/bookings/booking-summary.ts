import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import type { Booking } from '@core/api/api-types';
import { UkDatePipe } from '@shared/dates/uk-date';
import {
  AGE_GROUP_LABELS,
  BOOKING_STATUS_LABELS,
  formatHours,
  formatPence,
  formatSession,
  parentName,
} from './booking-format';

/** A booking's facts as a description list: who, when, price, notes, children (as far as the API tells). */
@Component({
  selector: 'app-booking-summary',
  imports: [MatChipsModule, UkDatePipe],
  template: `
    @let b = booking();
    <dl class="summary-facts">
      <div>
        <dt>Status</dt>
        <dd>
          <span [class]="'status status--' + b.status">{{ statusLabels[b.status] }}</span>
          @if (b.status === 'pending' && b.expiresAt) {
            <span class="muted"> · answer by {{ b.expiresAt | ukDate }}</span>
          }
        </dd>
      </div>
      @if (b.statusReason) {
        <div>
          <dt>Reason</dt>
          <dd>
            {{ b.statusReason }}
            @if (b.cancelledBy) {
              <span class="muted"> (cancelled by {{ b.cancelledBy }})</span>
            }
          </dd>
        </div>
      }
      <div>
        <dt>Parent</dt>
        <dd>{{ parent() }}</dd>
      </div>
      @if (showChildminder()) {
        <div>
          <dt>Childminder</dt>
          <dd>{{ b.childminder.displayName }}</dd>
        </div>
      }
      <div>
        <dt>Schedule</dt>
        <dd>
          {{ b.schedule }}
          @if (b.weeks > 1) {
            <span class="muted"> · weekly for {{ b.weeks }} weeks</span>
          }
        </dd>
      </div>
      <div>
        <dt>Price estimate</dt>
        <dd>
          {{ formatPence(b.priceEstimatePence) }}
          <span class="muted">
            · {{ formatHours(b.totalHours) }} at {{ formatPence(b.hourlyRatePence) }} an hour per child
          </span>
        </dd>
      </div>
      <div>
        <dt>Requested</dt>
        <dd>{{ b.createdAt | ukDate }}</dd>
      </div>
      <div>
        <dt>Notes from the parent</dt>
        <dd>{{ b.notes || 'None' }}</dd>
      </div>
    </dl>

    <h2 class="sub">Children</h2>
    <ul class="children">
      @for (child of b.children; track child.id) {
        <li>
          <strong>{{ child.firstName }}</strong>
          @if (child.ageGroup) {
            <span class="muted"> · {{ ageGroups[child.ageGroup] }}</span>
          }
          @if (child.details; as details) {
            <dl class="child-details">
              <div>
                <dt>Date of birth</dt>
                <dd>{{ details.dateOfBirth | ukDate: 'date' }}</dd>
              </div>
              <div>
                <dt>Allergies</dt>
                <dd>{{ details.allergies || 'None given' }}</dd>
              </div>
              <div>
                <dt>Special needs</dt>
                <dd>{{ details.specialNeeds || 'None given' }}</dd>
              </div>
              <div>
                <dt>Medical notes</dt>
                <dd>{{ details.medicalNotes || 'None given' }}</dd>
              </div>
            </dl>
          }
        </li>
      } @empty {
        <li class="muted">No children named</li>
      }
    </ul>
    @if (detailsHidden()) {
      <p class="muted hint">Children’s details (date of birth, needs, allergies) are shared once you confirm.</p>
    }

    <h2 class="sub">Sessions ({{ b.sessions.length }})</h2>
    <ul class="sessions">
      @for (session of b.sessions; track session.startsAt) {
        <li>{{ formatSession(session) }}</li>
      }
    </ul>
  `,
  styles: `
    .summary-facts,
    .child-details {
      display: grid;
      gap: 8px;
      margin: 0;

      div {
        display: grid;
        grid-template-columns: minmax(120px, 180px) 1fr;
        gap: 4px 16px;
      }
      dt {
        font-weight: 500;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .child-details {
      margin: 8px 0 0 16px;
    }
    @media (max-width: 599px) {
      .summary-facts div,
      .child-details div {
        grid-template-columns: 1fr;
      }
    }
    .sub {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .children,
    .sessions {
      margin: 0;
      padding-left: 20px;
      display: grid;
      gap: 8px;
    }
    .hint {
      margin: 8px 0 0;
    }
    .status {
      font-weight: 500;
    }
    .status--pending {
      color: var(--mat-sys-tertiary);
    }
    .status--confirmed,
    .status--completed {
      color: var(--mat-sys-primary);
    }
    .status--rejected,
    .status--cancelled,
    .status--expired {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingSummary {
  readonly booking = input.required<Booking>();
  readonly showChildminder = input(false);

  protected readonly statusLabels = BOOKING_STATUS_LABELS;
  protected readonly ageGroups = AGE_GROUP_LABELS;
  protected readonly formatPence = formatPence;
  protected readonly formatHours = formatHours;
  protected readonly formatSession = formatSession;
  protected readonly parent = computed(() => parentName(this.booking()));
  protected readonly detailsHidden = computed(
    () => this.booking().status === 'pending' && this.booking().children.every((c) => !c.details),
  );
}
