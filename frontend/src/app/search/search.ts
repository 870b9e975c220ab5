import { ResultsMap } from './results-map';
import { VerificationBadges } from '@shared/verification-badges/verification-badges';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroupDirective,
  NgForm,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { RecommendedForYou } from '../recommendations/recommended-for-you';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import {
  AGE_GROUP_LABELS,
  SERVICE_LABELS,
  SERVICES,
  WEEKDAY_LABELS,
  WEEKDAYS,
  formatDistance,
  formatHourlyRate,
  formatRating,
} from './childminder-labels';
import type {
  ChildminderSearchPage,
  ChildminderServiceCode,
  SearchCriteria,
  SearchSort,
  Weekday,
} from './childminder-types';
import { ChildmindersApi } from './childminders-api';
import { AccountApi } from '../account/account-api';
import {
  CARE_WEEKS,
  DEFAULT_CARE_HOURS,
  DEFAULT_RADIUS,
  PAGE_SIZE,
  RADIUS_CHOICES,
  careTimesProblem,
  criteriaFromParams,
  describeCare,
  paramsFromCriteria,
} from './search-criteria';

const MAX_CHILDREN = 4;
/** A full postcode (M20 2LS) or its first part (M20): the search takes either. */
const POSTCODE_OR_DISTRICT = /^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?(\s*\d[A-Za-z]{2})?\s*$/;

const chosenDays = (days: Partial<Record<Weekday, boolean>>) => WEEKDAYS.filter((d) => days[d]);

/** The form's care times are checked together: the error sits on the group, naming its field. */
function careTimesValidator(form: AbstractControl): ValidationErrors | null {
  const { careDays, careFrom, careTo } = form.value as {
    careDays: Partial<Record<Weekday, boolean>>;
    careFrom: string;
    careTo: string;
  };
  const problem = careTimesProblem(chosenDays(careDays ?? {}), careFrom ?? '', careTo ?? '');
  return problem ? { careTimes: problem } : null;
}

/** Shows the group's care-times error on the one time field it names, once touched or submitted. */
class CareTimeErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly field: 'from' | 'to') {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    const problem = form?.form.errors?.['careTimes'] as { field: string } | undefined;
    return problem?.field === this.field && !!(control?.touched || form?.submitted);
  }
}

/**
 * `/search`: childminders near a postcode, as a list of cards. The criteria live in the URL;
 * the form writes them there and the page searches whenever they change. There is no map: the
 * map library is not installed, and the list says everything a map would (district, distance).
 */
@Component({
  selector: 'app-search',
  imports: [
    ResultsMap,
    VerificationBadges,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    EmptyState,
    ErrorState,
    LoadingState,
    RecommendedForYou,
  ],
  templateUrl: './search.html',
  styleUrl: './search.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Search {
  private readonly api = inject(ChildmindersApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly account = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');
  private readonly injector = inject(Injector);
  /** Set by "Next page" and the like, so focus lands on the new page's heading, not on <body>. */
  private focusResultsOnLoad = false;
  private readonly postcodeInput = viewChild<ElementRef<HTMLInputElement>>('postcodeInput');

  protected readonly radiusChoices = RADIUS_CHOICES;
  protected readonly services = SERVICES;
  protected readonly serviceLabels = SERVICE_LABELS;
  protected readonly ageGroupLabels = AGE_GROUP_LABELS;
  protected readonly formatHourlyRate = formatHourlyRate;
  protected readonly formatDistance = formatDistance;
  protected readonly formatRating = formatRating;
  protected readonly maxChildren = MAX_CHILDREN;
  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayLabels = WEEKDAY_LABELS;
  protected readonly careWeeks = CARE_WEEKS;
  protected readonly describeCare = describeCare;
  protected readonly careFromMatcher = new CareTimeErrorMatcher('from');
  protected readonly careToMatcher = new CareTimeErrorMatcher('to');

  protected readonly criteria = signal<SearchCriteria | null>(null);
  /** Parents see their recommendations for the searched postcode above the results. */
  protected readonly isParent = computed(() => this.auth.role() === 'parent');
  protected readonly results = signal<ChildminderSearchPage | null>(null);
  protected readonly loading = signal(false);
  /** The map starts open on wide screens; on a phone the list comes first and the map on request. */
  protected readonly showMap = signal(typeof window !== 'undefined' && window.matchMedia('(min-width: 760px)').matches);
  protected readonly searchError = signal<string | null>(null);
  /** What the status region says after a search: the count, or that the search is running. */
  protected readonly announcement = computed(() => {
    if (this.loading()) return 'Finding childminders…';
    const page = this.results();
    if (!page) return '';
    return `${page.total} ${page.total === 1 ? 'childminder' : 'childminders'} found within ${page.origin.radiusMiles} miles of ${page.origin.outcode}`;
  });
  /** A 400 about the postcode is shown on the field, not as a page error. */
  protected readonly postcodeError = signal<string | null>(null);
  /** The postcode field holds the one from the parent's account. */
  protected readonly postcodeFromAccount = signal(false);

  protected readonly form = this.fb.group(
    {
      postcode: ['', [Validators.required, Validators.pattern(POSTCODE_OR_DISTRICT)]],
      radiusMiles: [DEFAULT_RADIUS as number],
      sort: ['distance' as SearchSort],
      maxRatePounds: [null as number | null, [Validators.min(1), Validators.max(250)]],
      services: this.fb.group(
        Object.fromEntries(SERVICES.map((s) => [s, this.fb.control(false)])) as Record<
          ChildminderServiceCode,
          FormControl<boolean>
        >,
      ),
      languages: [''],
      fundedHours: [null as 15 | 30 | null],
      specialNeeds: [false],
      verifiedOnly: [false],
      minRating: [null as number | null],
      children: new FormArray<FormControl<string>>([]),
      careDays: this.fb.group(
        Object.fromEntries(WEEKDAYS.map((d) => [d, this.fb.control(false)])) as Record<Weekday, FormControl<boolean>>,
      ),
      careFrom: [DEFAULT_CARE_HOURS.from as string],
      careTo: [DEFAULT_CARE_HOURS.to as string],
    },
    { validators: careTimesValidator },
  );

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const criteria = criteriaFromParams(params);
      this.criteria.set(criteria);
      if (criteria) {
        this.fillForm(criteria);
        this.runSearch(criteria);
      } else {
        this.results.set(null);
        this.prefillAccountPostcode();
      }
    });
  }

  /** A signed-in parent who gave a postcode has it filled in (still theirs to change). */
  private prefillAccountPostcode(): void {
    if (this.auth.role() !== 'parent' || this.form.controls.postcode.value) return;
    this.account.profile().subscribe({
      next: (profile) => {
        if (profile.postcode && !this.form.controls.postcode.value) {
          this.form.controls.postcode.setValue(profile.postcode);
          this.postcodeFromAccount.set(true);
        }
      },
      // Without it the parent types a postcode, as a visitor does.
      error: () => undefined,
    });
  }

  protected get children(): FormArray<FormControl<string>> {
    return this.form.controls.children;
  }

  protected addChild(): void {
    if (this.children.length < MAX_CHILDREN) this.children.push(this.fb.control(''));
  }

  protected removeChild(index: number): void {
    this.children.removeAt(index);
  }

  protected postcodeMessage(): string | null {
    const control = this.form.controls.postcode;
    if (this.postcodeError()) return this.postcodeError();
    if (!control.touched) return null;
    if (control.hasError('required')) return 'Enter a postcode';
    if (control.hasError('pattern')) return 'Enter a UK postcode, like M20 2LS, or its first part, like M20';
    return null;
  }

  /** The message for a care time field, when the group's error names it. */
  protected careTimeMessage(field: 'from' | 'to'): string | null {
    const problem = this.form.errors?.['careTimes'] as { field: string; message: string } | undefined;
    return problem?.field === field ? problem.message : null;
  }

  protected submitSearch(): void {
    this.form.markAllAsTouched();
    this.postcodeError.set(null);
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    const criteria: SearchCriteria = {
      postcode: value.postcode.trim().toUpperCase(),
      radiusMiles: value.radiusMiles,
      sort: value.sort,
      maxHourlyRate: value.maxRatePounds ? Math.round(value.maxRatePounds * 100) : null,
      services: SERVICES.filter((s) => value.services[s]),
      languages: value.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      fundedHours: value.fundedHours,
      specialNeeds: value.specialNeeds,
      verifiedOnly: value.verifiedOnly,
      minRating: value.minRating,
      ageOfChildren: value.children.filter(Boolean),
      care: chosenDays(value.careDays).length
        ? { days: chosenDays(value.careDays), from: value.careFrom, to: value.careTo }
        : null,
      page: 1,
      pageSize: PAGE_SIZE,
    };
    this.navigate(criteria);
  }

  protected changePage(event: PageEvent): void {
    const criteria = this.criteria();
    // The heading is replaced while the next page loads: focus it once the new page is shown.
    this.focusResultsOnLoad = true;
    if (criteria) this.navigate({ ...criteria, page: event.pageIndex + 1 });
  }

  protected retrySearch(): void {
    const criteria = this.criteria();
    if (criteria) this.runSearch(criteria);
  }

  protected activeFilterCount(): number {
    const c = this.criteria();
    if (!c) return 0;
    return [
      c.maxHourlyRate,
      c.services.length,
      c.languages.length,
      c.fundedHours,
      c.specialNeeds,
      c.verifiedOnly,
      c.minRating,
      c.ageOfChildren.length,
      c.care,
    ].filter(Boolean).length;
  }

  private navigate(criteria: SearchCriteria): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromCriteria(criteria) });
  }

  private runSearch(criteria: SearchCriteria): void {
    this.loading.set(true);
    this.searchError.set(null);
    this.postcodeError.set(null);
    this.api
      .search(criteria)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.results.set(page);
          this.loading.set(false);
          if (this.focusResultsOnLoad) {
            this.focusResultsOnLoad = false;
            afterNextRender(() => this.resultsHeading()?.nativeElement.focus(), { injector: this.injector });
          }
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.loading.set(false);
          this.results.set(null);
          const postcode = problem.details.find((d) => d.field === 'postcode');
          if (postcode) {
            // The field is well formed but unknown to the server: mark it invalid so the message shows
            // on it (and is linked to it), announce it, and put the person back on the field to fix it.
            this.postcodeError.set(postcode.message);
            this.form.controls.postcode.setErrors({ unknown: true });
            this.form.controls.postcode.markAsTouched();
            this.postcodeInput()?.nativeElement.focus();
          } else {
            this.searchError.set(problem.message);
          }
        },
      });
  }

  private fillForm(criteria: SearchCriteria): void {
    this.form.patchValue(
      {
        postcode: criteria.postcode,
        radiusMiles: criteria.radiusMiles,
        sort: criteria.sort,
        maxRatePounds: criteria.maxHourlyRate ? criteria.maxHourlyRate / 100 : null,
        services: Object.fromEntries(SERVICES.map((s) => [s, criteria.services.includes(s)])),
        languages: criteria.languages.join(', '),
        fundedHours: criteria.fundedHours,
        specialNeeds: criteria.specialNeeds,
        verifiedOnly: criteria.verifiedOnly,
        minRating: criteria.minRating,
        careDays: Object.fromEntries(WEEKDAYS.map((d) => [d, criteria.care?.days.includes(d) ?? false])),
        careFrom: criteria.care?.from ?? DEFAULT_CARE_HOURS.from,
        careTo: criteria.care?.to ?? DEFAULT_CARE_HOURS.to,
      },
      { emitEvent: false },
    );
    this.children.clear({ emitEvent: false });
    for (const dob of criteria.ageOfChildren.slice(0, MAX_CHILDREN)) this.children.push(this.fb.control(dob));
  }
}
