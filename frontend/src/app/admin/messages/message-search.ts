import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';
import type { AdminMessage } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { pageFromQuery, pageToQuery } from '@shared/paged-list/paged-list-state';
import { AdminMessagesApi } from './admin-messages-api';
import { highlightSegments, searchTerms, type TextSegment } from './message-text';

interface Hit {
  message: AdminMessage;
  segments: TextSegment[];
}

type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; hits: Hit[]; total: number; page: number; pageSize: number };

/**
 * `/admin/messages/search?q=`: full-text search of message text (every word, prefix match),
 * newest first, with the matched words highlighted and a link to each conversation. The query
 * lives in the address; the server audits every search.
 */
@Component({
  selector: 'app-message-search',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './message-search.html',
  styleUrl: './message-search.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageSearch {
  /** Query parameters (component input binding). */
  readonly q = input<string | undefined>(undefined);
  readonly page = input<string | undefined>(undefined);
  readonly pageSize = input<string | undefined>(undefined);

  private readonly api = inject(AdminMessagesApi);
  private readonly router = inject(Router);

  protected queryField = '';
  protected readonly formError = signal<string | null>(null);
  protected readonly state = signal<SearchState>({ status: 'idle' });
  private readonly reload = signal(0);

  private readonly request = computed(() => ({
    q: (this.q() ?? '').trim(),
    ...pageFromQuery(this.page(), this.pageSize()),
    reload: this.reload(),
  }));

  constructor() {
    toObservable(this.request)
      .pipe(
        switchMap(({ q, page, pageSize }) => {
          this.queryField = q;
          const terms = searchTerms(q);
          if (terms.length === 0) return of<SearchState>({ status: 'idle' });
          this.state.set({ status: 'loading' });
          return this.api.search(q, page, pageSize).pipe(
            map((result): SearchState => ({
              status: 'ready',
              hits: result.items.map((message) => ({ message, segments: highlightSegments(message.text, terms) })),
              total: result.total,
              page: result.page,
              pageSize: result.pageSize,
            })),
            catchError((error: unknown) => of<SearchState>({ status: 'error', message: toApiProblem(error).message })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected search(): void {
    const q = this.queryField.trim();
    if (searchTerms(q).length === 0) {
      this.formError.set('Type at least one word of 3 or more letters or digits.');
      return;
    }
    this.formError.set(null);
    void this.router.navigate([], { queryParams: { q, page: null }, queryParamsHandling: 'merge' });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: pageToQuery(event), queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    this.reload.update((n) => n + 1);
  }
}
