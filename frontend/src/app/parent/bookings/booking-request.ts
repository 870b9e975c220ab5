import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  type OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { UpgradePrompt } from '@shared/upgrade-prompt/upgrade-prompt';
import { AvailabilityPreview, type SlotChoice } from '../../childminder-profile/availability-preview';
import type { ChildminderProfile } from '../../search/childminder-types';
import { ChildmindersApi } from '../../search/childminders-api';
import type { ChildResponse } from '../children/child-types';
import { ChildrenApi } from '../children/children-api';
import { formatPence } from '@shared/money/format-pence';
import {
  BOOKING_LIMITS,
  type BookingField,
  type BookingFormValue,
  type FormProblem,
  type ProblemGroup,
  formGap,
  formProblems,
  formatHours,
  groupProblems,
  refusalGroups,
  toBookingRequest,
  toUkWallClock,
} from './booking-rules';
import type { BookingQuote } from '@core/api/api-types';
import { BookingsApi } from './bookings-api';

type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; childminder: ChildminderProfile; children: readonly ChildResponse[] }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

type QuoteState =
  | { kind: 'idle'; gap: string }
  | { kind: 'checking' }
  | { kind: 'quoted'; quote: BookingQuote; groups: ProblemGroup[] }
  | { kind: 'error'; message: string };

const QUOTE_DEBOUNCE_MS = 400;

/** The element each field's problem is linked to, and the summary's links move focus to. */
const FIELD_IDS: Record<Exclude<BookingField, 'children'>, string> = {
  date: 'booking-date',
  time: 'booking-start',
  weeks: 'booking-weeks',
};

/**
 * `/parent/bookings/new?childminder=<profile id>`: the booking request. As the form changes, a
 * dry run (`bookings/quote`) shows the price and every rule the request would break, so the
 * parent can adjust before sending.
 */
@Component({
  selector: 'app-booking-request',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    AvailabilityPreview,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './booking-request.html',
  styleUrl: './booking-request.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingRequest implements OnInit {
  private readonly bookings = inject(BookingsApi);
  private readonly childminders = inject(ChildmindersApi);
  private readonly childrenApi = inject(ChildrenApi);
  private readonly upgradePrompt = inject(UpgradePrompt);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('submitSummary');

  /** `?childminder=`: the childminder profile id (component input binding). */
  readonly childminder = input<string>();
  /**
   * `?date=YYYY-MM-DD&start=HH:mm&end=HH:mm`: a UK date and times to start from, such as a
   * last-minute place's. Anything not in that shape is ignored.
   */
  readonly date = input<string>();
  readonly start = input<string>();
  readonly end = input<string>();

  protected readonly limits = BOOKING_LIMITS;
  protected readonly formatPence = formatPence;
  protected readonly formatHours = formatHours;
  protected readonly state = signal<PageState>({ kind: 'loading' });
  protected readonly selectedChildren = signal<readonly string[]>([]);
  protected readonly quote = signal<QuoteState>({ kind: 'idle', gap: 'Choose at least one child.' });
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<{ message: string; groups: ProblemGroup[] } | null>(null);
  /** Set by the first failed submit: from then on every problem is shown, and kept up to date. */
  private readonly attempted = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [''],
    start: ['09:00'],
    end: ['12:00'],
    repeat: ['once' as 'once' | 'weekly'],
    weeks: [4],
    notes: [''],
  });

  private readonly formValues = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** Every problem of the form, once a submit has failed; each is shown on its field and in the summary. */
  protected readonly problems = computed<FormProblem[]>(() => {
    this.formValues();
    return this.attempted() ? formProblems(this.formValue()) : [];
  });
  protected readonly fieldMatchers = {
    date: this.matcherFor('date'),
    time: this.matcherFor('time'),
    weeks: this.matcherFor('weeks'),
  } satisfies Record<string, ErrorStateMatcher>;

  protected readonly ready = computed(() => {
    const s = this.state();
    return s.kind === 'ready' ? s : null;
  });
  /** Today in the UK: the date input's minimum. */
  protected readonly minDate = toUkWallClock(new Date().toISOString()).date;

  constructor() {
    toObservable(this.childminder)
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.load(id));
    this.watchQuote();
  }

  protected load(id = this.childminder()): void {
    if (!id) {
      this.state.set({ kind: 'missing' });
      return;
    }
    this.state.set({ kind: 'loading' });
    combineLatest([this.childminders.get(id), this.childrenApi.list()]).subscribe({
      next: ([childminder, page]) => {
        this.state.set({ kind: 'ready', childminder, children: page.items });
        // One child: nothing to choose.
        if (page.items.length === 1) this.selectedChildren.set([page.items[0]!.id]);
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

  /** Query parameters are bound after construction, before this. */
  ngOnInit(): void {
    this.prefillTimes();
  }

  private prefillTimes(): void {
    const date = this.date();
    const start = this.start();
    const end = this.end();
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) this.form.controls.date.setValue(date);
    if (start && /^\d{2}:\d{2}$/.test(start)) this.form.controls.start.setValue(start);
    if (end && /^\d{2}:\d{2}$/.test(end)) this.form.controls.end.setValue(end);
  }

  protected toggleChild(id: string, checked: boolean): void {
    this.selectedChildren.update((ids) => (checked ? [...ids, id] : ids.filter((c) => c !== id)));
  }

  protected useSlot(slot: SlotChoice): void {
    this.form.patchValue({ date: slot.date, start: slot.start, end: slot.end });
    this.notifier.success(`Using ${slot.date.split('-').reverse().join('/')}, ${slot.start}–${slot.end}.`);
  }

  protected requestBooking(): void {
    if (this.submitting()) return;
    const body = this.currentRequest();
    if (!body) {
      this.attempted.set(true);
      this.submitError.set(null);
      this.focusSummary();
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.bookings.create(body).subscribe({
      next: (booking) => {
        // A childminder's auto-accept rule may confirm a returning family's request at once.
        this.notifier.success(
          booking.status === 'confirmed'
            ? `${booking.childminder.displayName} confirmed your booking straight away.`
            : `Your request has been sent to ${booking.childminder.displayName}.`,
        );
        void this.router.navigate(['/parent/bookings', booking.id]);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (this.upgradePrompt.offer(error)) return;
        const problem = toApiProblem(error);
        const isRule = problem.code.startsWith('BOOKING_');
        this.submitError.set({
          message: isRule ? 'The childminder can’t take this booking as it stands.' : problem.message,
          groups: isRule ? refusalGroups(problem.code, problem.message, problem.details) : [],
        });
        this.focusSummary();
      },
    });
  }

  protected problemFor(field: BookingField): string | null {
    return this.problems().find((p) => p.field === field)?.message ?? null;
  }

  /** The summary's link: focus the field itself (the first child's checkbox for the children). */
  protected focusField(event: Event, field: BookingField): void {
    event.preventDefault();
    const target =
      field === 'children'
        ? document.querySelector<HTMLElement>('.children input[type="checkbox"]')
        : document.getElementById(FIELD_IDS[field]);
    target?.focus();
  }

  protected fieldHref(field: BookingField): string {
    return field === 'children' ? '#booking-children' : `#${FIELD_IDS[field]}`;
  }

  private matcherFor(field: BookingField): ErrorStateMatcher {
    return { isErrorState: () => this.problemFor(field) !== null };
  }

  protected weeklyPattern(): boolean {
    return this.form.controls.repeat.value === 'weekly';
  }

  private formValue(): BookingFormValue {
    const v = this.form.getRawValue();
    return { ...v, weeks: Number(v.weeks) || null, childIds: this.selectedChildren() };
  }

  private currentRequest() {
    const ready = this.ready();
    return ready ? toBookingRequest(ready.childminder.id, this.formValue()) : null;
  }

  /** The live dry run: debounced, latest wins, failures shown without blocking the form. */
  private watchQuote(): void {
    combineLatest([
      this.form.valueChanges.pipe(startWith(this.form.getRawValue())),
      toObservable(this.selectedChildren),
      toObservable(this.ready),
    ])
      .pipe(
        map(() => ({ body: this.currentRequest(), gap: formGap(this.formValue()) })),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        debounceTime(QUOTE_DEBOUNCE_MS),
        switchMap(({ body, gap }) => {
          if (!body) return of<QuoteState>({ kind: 'idle', gap: gap ?? 'Complete the form to see the price.' });
          this.quote.set({ kind: 'checking' });
          return this.bookings.quote(body).pipe(
            map((quote): QuoteState => ({ kind: 'quoted', quote, groups: groupProblems(quote.problems) })),
            catchError((error: unknown) => of<QuoteState>({ kind: 'error', message: toApiProblem(error).message })),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => this.quote.set(state));
  }

  private focusSummary(): void {
    setTimeout(() => this.summary()?.nativeElement.focus());
  }
}
