import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { catchError, map, of, switchMap } from 'rxjs';
import type { AdminConversation as AdminConversationSummary, AdminMessage } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminMessagesApi } from './admin-messages-api';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; conversation: AdminConversationSummary };

/**
 * `/admin/messages/:conversationId`: one private conversation, oldest message at the top, with
 * older pages on request. The server writes each read to the audit log; the page says so.
 */
@Component({
  selector: 'app-admin-conversation',
  imports: [RouterLink, MatButtonModule, MatIconModule, UkDatePipe, EmptyState, ErrorState, LoadingState],
  templateUrl: './admin-conversation.html',
  styleUrl: './admin-conversation.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminConversation {
  /** Route parameter. */
  readonly conversationId = input.required<string>();

  private readonly api = inject(AdminMessagesApi);
  private readonly notifier = inject(Notifier);

  protected readonly state = signal<LoadState>({ status: 'loading' });
  /** Newest first, as the API pages them. */
  private readonly messages = signal<readonly AdminMessage[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loadingOlder = signal(false);
  private readonly reload = signal(0);

  /** Oldest at the top, as people read a conversation. */
  protected readonly shownMessages = computed(() => [...this.messages()].reverse());

  constructor() {
    toObservable(computed(() => ({ id: this.conversationId(), reload: this.reload() })))
      .pipe(
        switchMap(({ id }) => {
          this.state.set({ status: 'loading' });
          this.messages.set([]);
          this.nextCursor.set(null);
          return this.api.conversation(id).pipe(
            map((thread): LoadState => {
              this.messages.set(thread.items);
              this.nextCursor.set(thread.nextCursor ?? null);
              return { status: 'ready', conversation: thread.conversation };
            }),
            catchError((error: unknown) => of<LoadState>({ status: 'error', message: toApiProblem(error).message })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.reload.update((n) => n + 1);
  }

  protected loadOlder(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.api.conversation(this.conversationId(), cursor).subscribe({
      next: (thread) => {
        this.loadingOlder.set(false);
        this.messages.update((current) => [...current, ...thread.items]);
        this.nextCursor.set(thread.nextCursor ?? null);
      },
      error: (error: unknown) => {
        this.loadingOlder.set(false);
        this.notifier.error(toApiProblem(error).message);
      },
    });
  }

  protected isParent(conversation: AdminConversationSummary, message: AdminMessage): boolean {
    return message.senderId === conversation.parent.id;
  }
}
