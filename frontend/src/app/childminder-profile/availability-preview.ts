import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { catchError, map, of, switchMap } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';
import { LoadingState } from '@shared/page-state/loading-state';
import { type AvailabilityDay, availabilityDays, previewRange } from './availability-days';

const DAYS = 14;

type PreviewState =
  { kind: 'loading' } | { kind: 'loaded'; days: AvailabilityDay[] } | { kind: 'error'; message: string };

export interface SlotChoice {
  date: string;
  start: string;
  end: string;
}

/**
 * The next two weeks of a childminder's open time, from the public availability endpoint: one
 * row per day. With `selectable`, each slot is a button that fills the request form.
 */
@Component({
  selector: 'app-availability-preview',
  imports: [MatButtonModule, MatIconModule, LoadingState],
  template: `
    @switch (state().kind) {
      @case ('loading') {
        <app-loading-state label="Loading availability…" />
      }
      @case ('error') {
        <p class="muted" role="alert">
          We couldn't load the availability: {{ errorMessage() }}
          <button mat-button type="button" (click)="reload()">Try again</button>
        </p>
      }
      @default {
        @if (!hasSlots()) {
          <p class="muted">No open time in the next two weeks. You can still message the childminder.</p>
        } @else {
          <ul class="days" [attr.aria-label]="'Open time, next ' + days + ' days (UK time)'">
            @for (day of loadedDays(); track day.date) {
              <li class="day" [class.day--closed]="!day.slots.length">
                <span class="day__label">{{ day.label }}</span>
                <span class="day__slots">
                  @for (slot of day.slots; track slot.startsAt) {
                    @if (selectable()) {
                      <button
                        mat-stroked-button
                        type="button"
                        class="slot"
                        [attr.aria-label]="'Use ' + day.label + ', ' + slot.label"
                        (click)="choose.emit({ date: day.date, start: slot.start, end: slot.end })"
                      >
                        {{ slot.label }}
                      </button>
                    } @else {
                      <span class="slot slot--static">{{ slot.label }}</span>
                    }
                  } @empty {
                    <span class="muted">Closed</span>
                  }
                </span>
              </li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    .days {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 16px;
    }
    .day {
      display: flex;
      gap: 12px;
      align-items: baseline;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day__label {
      flex: none;
      width: 6.5em;
      font-weight: 500;
    }
    .day__slots {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
    }
    .slot--static {
      font-variant-numeric: tabular-nums;
    }
    .day--closed .day__label {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityPreview {
  private readonly api = inject(ApiClient);

  /** The childminder profile id. */
  readonly childminderId = input.required<string>();
  readonly selectable = input(false);
  readonly choose = output<SlotChoice>();

  protected readonly days = DAYS;
  protected readonly state = signal<PreviewState>({ kind: 'loading' });
  private readonly attempt = signal(0);
  protected readonly loadedDays = computed(() => {
    const s = this.state();
    return s.kind === 'loaded' ? s.days : [];
  });
  protected readonly hasSlots = computed(() => this.loadedDays().some((d) => d.slots.length > 0));
  protected readonly errorMessage = computed(() => {
    const s = this.state();
    return s.kind === 'error' ? s.message : '';
  });

  constructor() {
    const request = computed(() => ({ id: this.childminderId(), attempt: this.attempt() }));
    toObservable(request)
      .pipe(
        switchMap(({ id }) => {
          this.state.set({ kind: 'loading' });
          const range = previewRange(new Date(), DAYS);
          return this.api
            .get('/api/childminders/{id}/availability', { path: { id }, query: { from: range.from, to: range.to } })
            .pipe(
              map((body): PreviewState => ({ kind: 'loaded', days: availabilityDays(body.slots, range.from, DAYS) })),
              catchError((error: unknown) => of<PreviewState>({ kind: 'error', message: toApiProblem(error).message })),
            );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }
}
