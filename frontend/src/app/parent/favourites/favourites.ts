import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { FavoriteChildminder } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { VerificationBadges } from '@shared/verification-badges/verification-badges';
import { formatHourlyRate, formatRating } from '../../search/childminder-labels';
import { ChildmindersApi } from '../../search/childminders-api';

/** `/parent/favourites`: childminders the parent saved, with a way to book or remove each. */
@Component({
  selector: 'app-favourites',
  imports: [RouterLink, MatButtonModule, MatIconModule, EmptyState, ErrorState, LoadingState, VerificationBadges],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/parent">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to your dashboard
      </a>
      <h1 #heading tabindex="-1">Your favourites</h1>
      @if (loadError(); as message) {
        <app-error-state title="We couldn't load your favourites" [message]="message" (retry)="loadFavourites()" />
      } @else if (favourites(); as list) {
        @if (list.length) {
          <ul class="favourites" aria-label="Favourite childminders">
            @for (fav of list; track fav.id) {
              <li>
                <article class="fav card-surface" [attr.aria-labelledby]="'fav-' + fav.id">
                  <div class="fav__main">
                    <h2 class="fav__name" [id]="'fav-' + fav.id">
                      <a [routerLink]="['/childminders', fav.id]">{{ fav.displayName }}</a>
                    </h2>
                    <p class="muted">
                      {{ fav.town ? fav.town + ', ' : '' }}{{ fav.postcodeDistrict }} ·
                      {{ formatHourlyRate(fav.hourlyRatePence) }} ·
                      {{ formatRating(fav.ratingAverage, fav.ratingCount) }}
                    </p>
                    @if (fav.bioExcerpt) {
                      <p class="fav__bio">{{ fav.bioExcerpt }}</p>
                    }
                    <app-verification-badges [badges]="fav.badges" />
                  </div>
                  <div class="fav__actions">
                    <a mat-flat-button routerLink="/parent/bookings/new" [queryParams]="{ childminder: fav.id }">
                      Request booking <span class="visually-hidden">with {{ fav.displayName }}</span>
                    </a>
                    <button mat-button type="button" [disabled]="removing() === fav.id" (click)="removeFavourite(fav)">
                      <mat-icon aria-hidden="true">heart_minus</mat-icon>
                      Remove <span class="visually-hidden">{{ fav.displayName }}</span>
                    </button>
                  </div>
                </article>
              </li>
            }
          </ul>
        } @else {
          <app-empty-state icon="favorite_border" title="No favourites yet">
            <p>Save childminders from their profile to compare them and book later.</p>
            <a mat-flat-button routerLink="/search">Find a childminder</a>
          </app-empty-state>
        }
      } @else {
        <app-loading-state label="Loading your favourites…" />
      }
    </div>
  `,
  styles: `
    h1:focus {
      outline: none;
    }
    .favourites {
      list-style: none;
      margin: 0 0 32px;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .fav {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      justify-content: space-between;
      padding: 16px;
    }
    .fav__main {
      flex: 1 1 280px;
      min-width: 0;
    }
    .fav__name {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .fav p {
      margin: 0 0 8px;
    }
    .fav__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Favourites {
  private readonly api = inject(ChildmindersApi);
  private readonly notifier = inject(Notifier);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly favourites = signal<readonly FavoriteChildminder[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly removing = signal<string | null>(null);
  protected readonly formatHourlyRate = formatHourlyRate;
  protected readonly formatRating = formatRating;

  constructor() {
    this.loadFavourites();
  }

  protected loadFavourites(): void {
    this.loadError.set(null);
    this.favourites.set(null);
    this.api.favorites().subscribe({
      next: (page) => this.favourites.set(page.items),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected removeFavourite(fav: FavoriteChildminder): void {
    this.removing.set(fav.id);
    this.api.removeFavorite(fav.id).subscribe({
      next: () => {
        this.removing.set(null);
        this.favourites.update((list) => (list ?? []).filter((f) => f.id !== fav.id));
        this.notifier.success(`${fav.displayName} was removed from your favourites.`);
        this.heading().nativeElement.focus();
      },
      error: (error: unknown) => {
        this.removing.set(null);
        this.notifier.error(toApiProblem(error).message);
      },
    });
  }
}
