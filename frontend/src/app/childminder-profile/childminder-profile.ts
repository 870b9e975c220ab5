import { VerificationBadges } from '@shared/verification-badges/verification-badges';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import type { OfstedRegistrationStatus } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { BillingApi } from '../billing/billing-api';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type Observable, switchMap } from 'rxjs';
import {
  AGE_GROUP_LABELS,
  REPORT_CARD_AREA_LABELS,
  SERVICE_LABELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  formatDayHours,
  formatHourlyRate,
  formatRating,
  formatUsualReply,
  legacyGradeLabel,
  reportCardGradeLabel,
} from '../search/childminder-labels';
import type { ChildminderProfile as Profile } from '../search/childminder-types';
import { ChildmindersApi } from '../search/childminders-api';
import { AvailabilityPreview } from './availability-preview';
import { ProfileReviews } from './profile-reviews';

type LoadState =
  { kind: 'loading' } | { kind: 'loaded'; profile: Profile } | { kind: 'missing' } | { kind: 'error'; message: string };

/**
 * `/childminders/:id`: a childminder's public profile. Signed-in parents can keep it as a
 * favourite, message the childminder or request a booking; visitors are offered to sign in.
 */
@Component({
  selector: 'app-childminder-profile',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    UkDatePipe,
    ErrorState,
    LoadingState,
    VerificationBadges,
    AvailabilityPreview,
    ProfileReviews,
  ],
  templateUrl: './childminder-profile.html',
  styleUrl: './childminder-profile.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChildminderProfile {
  private readonly api = inject(ChildmindersApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly billing = inject(BillingApi);

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly state = signal<LoadState>({ kind: 'loading' });
  protected readonly isParent = computed(() => this.auth.role() === 'parent');
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly favorite = signal<boolean | null>(null);
  /** Whether the signed-in parent may start conversations and request bookings; null until known. */
  private readonly hasPlus = signal<boolean | null>(null);
  /** Said before a parent types a message: visitors and parents without Plus. */
  protected readonly showPlusNote = computed(() => !this.signedIn() || (this.isParent() && this.hasPlus() === false));
  protected readonly registrationStatusLabels: Readonly<Record<OfstedRegistrationStatus, string>> = {
    active: 'Active',
    suspended: 'Suspended: she may not care for children while it is',
    cancelled: 'Cancelled',
    resigned: 'Resigned',
  };
  protected readonly savingFavorite = signal(false);

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayLabels = WEEKDAY_LABELS;
  protected readonly ageGroupLabels = AGE_GROUP_LABELS;
  protected readonly serviceLabels = SERVICE_LABELS;
  protected readonly reportCardAreas = Object.entries(REPORT_CARD_AREA_LABELS);
  protected readonly formatDayHours = formatDayHours;
  protected readonly formatHourlyRate = formatHourlyRate;
  protected readonly formatRating = formatRating;
  protected readonly formatUsualReply = formatUsualReply;
  protected readonly legacyGradeLabel = legacyGradeLabel;
  protected readonly reportCardGradeLabel = reportCardGradeLabel;

  constructor() {
    if (this.isParent()) {
      this.billing.current().subscribe({
        next: (current) =>
          this.hasPlus.set(
            current.entitlements.includes('conversations.start') && current.entitlements.includes('bookings.request'),
          ),
        error: () => this.hasPlus.set(null),
      });
    }
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          this.state.set({ kind: 'loading' });
          this.favorite.set(null);
          return this.api.get(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (profile) => {
          this.state.set({ kind: 'loaded', profile });
          if (this.isParent()) this.loadFavorite(profile.id);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.state.set(
            problem.status === 404 || problem.status === 400
              ? { kind: 'missing' }
              : { kind: 'error', message: problem.message },
          );
        },
      });
  }

  protected reload(): void {
    const id = this.id();
    this.state.set({ kind: 'loading' });
    this.api.get(id).subscribe({
      next: (profile) => this.state.set({ kind: 'loaded', profile }),
      error: (error: unknown) => this.state.set({ kind: 'error', message: toApiProblem(error).message }),
    });
  }

  /** Where "Sign in to book" leads after signing in. */
  protected bookingUrl(id: string): string {
    return `/parent/bookings/new?childminder=${encodeURIComponent(id)}`;
  }

  protected signInUrl(): string {
    return this.router.url;
  }

  protected toggleFavorite(profile: Profile): void {
    if (this.savingFavorite()) return;
    const adding = !this.favorite();
    this.savingFavorite.set(true);
    const request: Observable<unknown> = adding
      ? this.api.addFavorite(profile.id)
      : this.api.removeFavorite(profile.id);
    request.subscribe({
      next: () => {
        this.savingFavorite.set(false);
        this.favorite.set(adding);
        this.notifier.success(
          adding
            ? `${profile.displayName} is in your favourites.`
            : `${profile.displayName} was removed from your favourites.`,
        );
      },
      error: (error: unknown) => {
        this.savingFavorite.set(false);
        this.notifier.error(toApiProblem(error).message);
      },
    });
  }

  private loadFavorite(id: string): void {
    this.api.favorites().subscribe({
      next: (page) => this.favorite.set(page.items.some((item) => item.id === id)),
      // Not knowing only hides the button's state; the profile still shows.
      error: () => this.favorite.set(false),
    });
  }
}
