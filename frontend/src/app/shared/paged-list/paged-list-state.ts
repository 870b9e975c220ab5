import { type Signal, signal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import type { Observable, Subscription } from 'rxjs';
import { Loadable } from '@shared/loadable/loadable';

/** What every paged list endpoint returns. */
export interface PagedResult<T> {
  items: T[];
  total: number;
}

/** The request a page of the list asks the API for (its `page` counts from 1). */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** What the paged list component shows and drives: the page loaded and where it stands. */
export interface PagedSource<P extends PagedResult<unknown> = PagedResult<unknown>> {
  /** The page loaded, or null while loading (or after a failure). */
  readonly value: Signal<P | null>;
  readonly error: Signal<string | null>;
  /** Counts from 0, like the paginator. */
  readonly pageIndex: Signal<number>;
  readonly pageSize: Signal<number>;
  /** "Try again". */
  reload(): void;
  /** The paginator moved or changed its page size. */
  turn(event: PageEvent): void;
}

/**
 * A paged list held in the component (not in the address): the page being shown, its size and
 * the loaded page. `fetch` asks the API for one page with the screen's current filters.
 */
export class PagedListState<T extends { id: string }, P extends PagedResult<T> = PagedResult<T>>
  extends Loadable<P>
  implements PagedSource<P>
{
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);

  constructor(private readonly fetch: (request: PageRequest) => Observable<P>) {
    super();
  }

  /** Loads the page shown now again (first load, "Try again"). */
  reload(): void {
    this.load(this.fetch({ page: this.pageIndex() + 1, pageSize: this.pageSize() }));
  }

  /**
   * Loads the page shown now again in place (news arrived live): the old rows stay until the new
   * ones come, so neither the loading state nor the keyboard focus jumps. A failure keeps the old rows.
   */
  refresh(): void {
    this.refreshing?.unsubscribe();
    this.refreshing = this.fetch({ page: this.pageIndex() + 1, pageSize: this.pageSize() }).subscribe({
      next: (page) => {
        if (this.value() !== null) this.value.set(page);
      },
      error: () => undefined,
    });
  }
  private refreshing: Subscription | null = null;

  /** New filters: back to the first page. */
  firstPage(): void {
    this.pageIndex.set(0);
    this.reload();
  }

  /** The paginator moved or changed its page size. */
  turn(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.reload();
  }

  /** Puts a changed row in the page shown, leaving the others as they are. */
  replaceItem(updated: T): void {
    this.value.update((page) =>
      page
        ? { ...page, items: page.items.map((item) => (item.id === updated.id ? { ...item, ...updated } : item)) }
        : page,
    );
  }
}

/** The most rows a page asks for, whatever the address says. */
const MAX_PAGE_SIZE = 100;

/** A whole number above 0 from the address, or the fallback. */
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The page a list whose position lives in the address (`?page=&pageSize=`) shows. */
export function pageFromQuery(
  page: string | undefined,
  pageSize: string | undefined,
  defaultPageSize = 20,
): PageRequest {
  return { page: positive(page, 1), pageSize: Math.min(MAX_PAGE_SIZE, positive(pageSize, defaultPageSize)) };
}

/** The address change for a paginator event, for such a list. */
export function pageToQuery(event: PageEvent): PageRequest {
  return { page: event.pageIndex + 1, pageSize: event.pageSize };
}
