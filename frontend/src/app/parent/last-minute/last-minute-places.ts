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
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';
import type { LastMinuteOpening, ParentAlertSettings } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { LastMinuteApi } from '@shared/last-minute/last-minute-api';
import {
  bookingRequestParams,
  formatAgeGroups,
  formatDistance,
  formatOpeningTime,
  formatPlaces,
} from '@shared/last-minute/opening-format';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AccountApi } from '../../account/account-api';
import type { ChildResponse } from '../children/child-types';
import { ChildrenApi } from '../children/children-api';
import { AlertSettings } from './alert-settings';

interface Loaded {
  openings: readonly LastMinuteOpening[];
  settings: ParentAlertSettings;
  children: readonly ChildResponse[];
  hasPostcode: boolean;
}

/**
 * `/parent/last-minute` (and `/parent/last-minute/settings`, where alert emails link): places
 * childminders near the parent have just posted for their children's ages, on any plan, and the
 * alert settings (alerts themselves are Parent Plus).
 */
@Component({
  selector: 'app-last-minute-places',
  imports: [RouterLink, MatButtonModule, MatIconModule, AlertSettings, EmptyState, ErrorState, LoadingState],
  templateUrl: './last-minute-places.html',
  styleUrl: './last-minute-places.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LastMinutePlaces {
  private readonly api = inject(LastMinuteApi);
  private readonly account = inject(AccountApi);
  private readonly childrenApi = inject(ChildrenApi);
  private readonly settingsHeading = viewChild<ElementRef<HTMLElement>>('settingsHeading');

  /** Route data: `'settings'` when the page is opened at the alert settings. */
  readonly focus = input<string>();

  protected readonly formatOpeningTime = formatOpeningTime;
  protected readonly formatPlaces = formatPlaces;
  protected readonly formatAgeGroups = formatAgeGroups;
  protected readonly formatDistance = formatDistance;
  protected readonly bookingRequestParams = bookingRequestParams;

  protected readonly page = signal<Loaded | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly refreshing = signal(false);

  /** "Maya and Leo", or "your children": whom the places shown are for. */
  protected readonly forWhom = computed(() => {
    const page = this.page();
    if (!page) return '';
    const chosen = page.settings.childIds.length
      ? page.children.filter((c) => page.settings.childIds.includes(c.id))
      : page.children;
    const names = chosen.map((c) => c.firstName);
    if (names.length === 0) return 'your children';
    return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  });

  constructor() {
    this.loadPage();
  }

  protected loadPage(): void {
    this.loadError.set(null);
    this.page.set(null);
    forkJoin({
      openings: this.api.openings(),
      settings: this.api.settings(),
      children: this.childrenApi.list(),
      profile: this.account.profile(),
    }).subscribe({
      next: ({ openings, settings, children, profile }) => {
        if (!settings.alerts) {
          this.loadError.set('Last-minute places are for parents.');
          return;
        }
        this.page.set({
          openings: openings.items,
          settings: settings.alerts,
          children: children.items,
          hasPostcode: !!profile.postcode,
        });
        if (this.focus() === 'settings') {
          setTimeout(() => {
            const heading = this.settingsHeading()?.nativeElement;
            heading?.scrollIntoView({ block: 'start' });
            heading?.focus({ preventScroll: true });
          });
        }
      },
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  /** The radius or the children changed: the places that match change with them. */
  protected settingsSaved(settings: ParentAlertSettings): void {
    this.page.update((page) => (page ? { ...page, settings } : page));
    this.refreshing.set(true);
    this.api.openings().subscribe({
      next: (list) => {
        this.refreshing.set(false);
        this.page.update((page) => (page ? { ...page, openings: list.items } : page));
      },
      // The settings are saved; the list shown is only a little out of date until the next visit.
      error: () => this.refreshing.set(false),
    });
  }
}
