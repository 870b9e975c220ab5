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
import type { AdminConversation, AdminConversationPage } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { pageFromQuery, pageToQuery } from '@shared/paged-list/paged-list-state';
import { AdminMessagesApi } from './admin-messages-api';
import { ukDayEnd, ukDayStart } from './message-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type LoadState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: AdminConversationPage };

/**
 * `/admin/messages`: conversations, most recent first, filtered by participant and by the UK
 * days their messages were sent, paged. The filters live in the address (`?userId=&from=&to=&page=`),
 * so a filtered list can be shared and the back button works. Lists show no message text.
 */
@Component({
  selector: 'app-conversation-browser',
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
  templateUrl: './conversation-browser.html',
  styleUrl: './conversation-browser.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationBrowser {
  /** Query parameters (component input binding). */
  readonly userId = input<string | undefined>(undefined);
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);
  readonly page = input<string | undefined>(undefined);
  readonly pageSize = input<string | undefined>(undefined);

  private readonly api = inject(AdminMessagesApi);
  private readonly router = inject(Router);

  /** The form's fields, copied from the address whenever it changes. */
  protected userIdField = '';
  protected fromField = '';
  protected toField = '';
  protected searchField = '';
  protected readonly formError = signal<string | null>(null);
  protected readonly state = signal<LoadState>({ status: 'loading' });
  private readonly reload = signal(0);

  protected readonly filter = computed(() => ({
    userId: UUID.test(this.userId() ?? '') ? this.userId()! : null,
    fromDay: this.from() ?? '',
    toDay: this.to() ?? '',
    ...pageFromQuery(this.page(), this.pageSize()),
  }));
  protected readonly filtered = computed(() => {
    const f = this.filter();
    return f.userId !== null || f.fromDay !== '' || f.toDay !== '';
  });
  /** The name of the participant the list is filtered by, once a row shows it. */
  protected readonly filteredPerson = computed(() => {
    const state = this.state();
    const id = this.filter().userId;
    if (!id || state.status !== 'ready') return null;
    const row = state.page.items.find((c) => c.parent.id === id || c.childminder.id === id);
    return row ? (row.parent.id === id ? row.parent : row.childminder) : null;
  });

  constructor() {
    toObservable(computed(() => ({ filter: this.filter(), reload: this.reload() })))
      .pipe(
        switchMap(({ filter }) => {
          this.userIdField = filter.userId ?? '';
          this.fromField = filter.fromDay;
          this.toField = filter.toDay;
          this.state.set({ status: 'loading' });
          return this.api
            .conversations({
              userId: filter.userId,
              from: ukDayStart(filter.fromDay),
              to: ukDayEnd(filter.toDay),
              page: filter.page,
              pageSize: filter.pageSize,
            })
            .pipe(
              map((page): LoadState => ({ status: 'ready', page })),
              catchError((error: unknown) => of<LoadState>({ status: 'error', message: toApiProblem(error).message })),
            );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected applyFilters(): void {
    const userId = this.userIdField.trim();
    if (userId && !UUID.test(userId)) {
      this.formError.set('A user ID looks like 3f2b1c9e-0d4a-4b8e-9c1d-2a7e5f6b8c90. Or choose a name in the list.');
      return;
    }
    if (this.fromField && this.toField && this.fromField > this.toField) {
      this.formError.set('The "from" day must be on or before the "to" day.');
      return;
    }
    this.formError.set(null);
    this.navigate({ userId: userId || null, from: this.fromField || null, to: this.toField || null, page: null });
  }

  protected clearFilters(): void {
    this.formError.set(null);
    this.navigate({ userId: null, from: null, to: null, page: null });
  }

  protected showConversationsOf(person: AdminConversation['parent']): void {
    this.navigate({ userId: person.id, page: null });
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ ...pageToQuery(event) });
  }

  protected retry(): void {
    this.reload.update((n) => n + 1);
  }

  protected searchMessages(): void {
    const q = this.searchField.trim();
    if (q) void this.router.navigate(['/admin/messages/search'], { queryParams: { q } });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
