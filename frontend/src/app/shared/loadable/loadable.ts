import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Observable, Subscription } from 'rxjs';
import { toApiProblem } from '@core/errors/api-error';

/**
 * One thing a screen loads from the API: the value once it has come, or the message of the
 * failure. Both are null while a load is under way, which is what the screens show as loading.
 */
export class Loadable<T> {
  readonly value = signal<T | null>(null);
  readonly error = signal<string | null>(null);
  private running: Subscription | null = null;

  /** Starts again from nothing; an answer to an earlier load that is still on its way is dropped. */
  load(source: Observable<T>): void {
    this.running?.unsubscribe();
    this.error.set(null);
    this.value.set(null);
    this.running = source.subscribe({
      next: (value) => this.value.set(value),
      error: (error: unknown) => this.error.set(toApiProblem(error).message),
    });
  }

  /** A newer copy from an action on the screen (an approval, a cancellation). */
  set(value: T): void {
    this.value.set(value);
  }
}

/**
 * A Loadable that follows a key (a route parameter): it loads when created and again whenever
 * the key changes. Create it in a field initialiser or constructor (it needs an injection context).
 */
export class LoadableFor<K, T> extends Loadable<T> {
  constructor(
    private readonly key: Signal<K>,
    private readonly fetch: (key: K) => Observable<T>,
  ) {
    super();
    toObservable(key)
      .pipe(takeUntilDestroyed())
      .subscribe((value) => this.load(fetch(value)));
  }

  /** "Try again". */
  reload(): void {
    this.load(this.fetch(this.key()));
  }
}
