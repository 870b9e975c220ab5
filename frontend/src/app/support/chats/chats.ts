import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { forkJoin } from 'rxjs';
import type { CannedReply, ChatSession, ChatStatus } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { ChatStatusService } from '@core/auth/chat-status';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChatClient } from '../../chat/chat-client';
import { CannedRepliesDialog } from './canned-replies-dialog';
import { ChatConversation } from './chat-conversation';

/**
 * The agent console's live chat: my status, the queue (oldest first), and my chats as tabs
 * with live messages. Chats come to me by auto-assignment when I am available; the page follows
 * the queue and assignments live over the socket.
 */
@Component({
  selector: 'app-support-chats',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatTabsModule,
    ChatConversation,
    EmptyState,
    ErrorState,
    LoadingState,
    UkDatePipe,
  ],
  templateUrl: './chats.html',
  styleUrl: './chats.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportChats {
  private readonly chat = inject(ChatClient);
  private readonly chatStatus = inject(ChatStatusService);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthService);

  protected readonly status = this.chatStatus.status;
  protected readonly connected = this.chat.connected;
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly queue = signal<ChatSession[]>([]);
  protected readonly waiting = signal(0);
  protected readonly myChats = signal<ChatSession[]>([]);
  protected readonly selected = signal(0);
  protected readonly cannedReplies = signal<CannedReply[]>([]);
  protected readonly isAdmin = computed(() => ['admin', 'super_admin'].includes(this.auth.role() ?? ''));

  constructor() {
    if (this.status() === null) this.chatStatus.load().subscribe({ error: () => undefined });
    void this.chat.use();
    inject(DestroyRef).onDestroy(() => this.chat.release());
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'connected' || event.type === 'chat.session') this.reload();
    });
    this.reload();
    this.chat.cannedReplies().subscribe({ next: ({ items }) => this.cannedReplies.set(items), error: () => undefined });
  }

  protected reload(): void {
    forkJoin({
      notifications: this.chat.notifications(),
      mine: this.chat.sessions({ mine: true, state: 'active', pageSize: 50 }),
    }).subscribe({
      next: ({ notifications, mine }) => {
        this.waiting.set(notifications.waiting);
        this.queue.set(notifications.sessions.filter((s) => s.state === 'waiting'));
        const before = this.myChats().map((s) => s.id);
        this.myChats.set(mine.items);
        const added = mine.items.filter((s) => !before.includes(s.id));
        if (added.length > 0 && before.length > 0) {
          this.notifier.success(`New chat with ${added.map((s) => s.requester.name).join(', ')}.`);
        }
        if (this.selected() >= mine.items.length) this.selected.set(Math.max(0, mine.items.length - 1));
        this.loading.set(false);
        this.error.set(null);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(toApiProblem(error).message);
      },
    });
  }

  protected changeStatus(status: ChatStatus): void {
    this.chatStatus.change(status).subscribe({
      next: () => {
        this.notifier.success(`Your chat status is now ${status}.`);
        this.reload();
      },
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  protected chatFinished(id: string): void {
    this.myChats.update((list) => list.filter((s) => s.id !== id));
    this.reload();
  }

  protected editCannedReplies(): void {
    this.dialog
      .open<CannedRepliesDialog, readonly CannedReply[], CannedReply[]>(CannedRepliesDialog, {
        data: this.cannedReplies(),
        width: '560px',
      })
      .afterClosed()
      .subscribe((replies) => {
        if (replies) this.cannedReplies.set(replies);
      });
  }
}
