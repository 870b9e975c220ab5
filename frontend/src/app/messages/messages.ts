import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import type { RealtimeEnvelope } from '@core/realtime/realtime-events';
import { RealtimeStream } from '@core/realtime/realtime-stream';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { UpgradePrompt } from '@shared/upgrade-prompt/upgrade-prompt';
import { MessagesApi } from './messages-api';
import type { ConversationSummary, MessageItem, MessagingSide } from './messages-types';

/**
 * `/parent/messages` and `/childminder/messages`: conversations with unread badges, the open
 * thread (live over SSE), and a composer that sends on Enter (Shift+Enter for a new line).
 */
@Component({
  selector: 'app-messages',
  imports: [
    NgTemplateOutlet,
    FormsModule,
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    MatInputModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './messages.html',
  styleUrl: './messages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Messages implements OnInit {
  /** From the route's data: which dashboard this page belongs to. */
  readonly side = input<MessagingSide>('parent');
  /** `?to=<userId>&name=...` (from a childminder's profile): start or continue that conversation. */
  readonly to = input<string | undefined>(undefined);
  readonly name = input<string | undefined>(undefined);

  private readonly api = inject(MessagesApi);
  private readonly stream = inject(RealtimeStream);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly upgradePrompt = inject(UpgradePrompt);

  protected readonly conversations = signal<readonly ConversationSummary[] | null>(null);
  protected readonly listError = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly thread = signal<readonly MessageItem[]>([]);
  protected readonly threadLoading = signal(false);
  protected readonly threadError = signal<string | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly draft = signal('');
  protected readonly sending = signal(false);
  protected readonly sendError = signal<string | null>(null);

  protected readonly myId = computed(() => this.auth.user()?.id ?? null);
  /** Someone to write to for the first time: no conversation with them exists yet. */
  protected readonly newRecipient = computed(() => {
    const to = this.to();
    const list = this.conversations();
    if (!to || !list || this.selectedId() || list.some((c) => c.otherParty.id === to)) return null;
    return { id: to, name: this.name() ?? 'the childminder' };
  });
  protected readonly selected = computed(() => this.conversations()?.find((c) => c.id === this.selectedId()) ?? null);
  /** Oldest at the top, as people read a chat. */
  protected readonly shownMessages = computed(() => [...this.thread()].reverse());

  ngOnInit(): void {
    this.loadConversations();
    this.stream
      .events()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((event) => this.applyEvent(event));
  }

  protected loadConversations(): void {
    this.listError.set(null);
    this.api.conversations(this.side()).subscribe({
      next: (page) => {
        this.conversations.set(page.items);
        const existing = page.items.find((c) => c.otherParty.id === this.to());
        if (existing && !this.selectedId()) this.openConversation(existing.id);
      },
      error: (error: unknown) => this.listError.set(toApiProblem(error).message),
    });
  }

  protected openConversation(id: string): void {
    this.selectedId.set(id);
    this.thread.set([]);
    this.nextCursor.set(null);
    this.loadThread();
  }

  protected loadThread(older = false): void {
    const id = this.selectedId();
    if (!id) return;
    this.threadLoading.set(true);
    this.threadError.set(null);
    this.api.thread(this.side(), id, older ? this.nextCursor() : null).subscribe({
      next: (page) => {
        this.threadLoading.set(false);
        this.thread.update((current) => (older ? [...current, ...page.items] : mergeNewest(current, page.items)));
        if (older || this.thread().length <= page.items.length) this.nextCursor.set(page.nextCursor);
        this.replaceConversation(page.conversation);
      },
      error: (error: unknown) => {
        this.threadLoading.set(false);
        this.threadError.set(toApiProblem(error).message);
      },
    });
  }

  /** Enter sends; Shift+Enter keeps the new line. */
  protected onComposerKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.sendMessage();
    }
  }

  protected sendMessage(): void {
    const id = this.selectedId();
    const recipient = this.newRecipient();
    const text = this.draft().trim();
    if ((!id && !recipient) || !text || this.sending()) return;
    this.sending.set(true);
    this.sendError.set(null);
    const target = id ? { conversationId: id } : { recipientId: recipient!.id };
    this.api.send(this.side(), { ...target, text }).subscribe({
      next: (sent) => {
        this.sending.set(false);
        this.draft.set('');
        this.selectedId.set(sent.conversation.id);
        this.thread.update((current) => mergeNewest(current, [sent.message]));
        this.replaceConversation(sent.conversation);
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.sending.set(false);
        // A Free parent starting a conversation is offered the plan that allows it, not an error.
        if (!this.upgradePrompt.offer(error)) this.sendError.set(problem.message);
      },
    });
  }

  private applyEvent(event: RealtimeEnvelope): void {
    if (event.type === 'message.created') {
      const message = event.data.message;
      if (message.conversationId === this.selectedId()) {
        this.thread.update((current) => mergeNewest(current, [message]));
        // Re-opening the first page marks it read and refreshes the badge.
        if (message.senderId !== this.myId()) this.loadThread();
      } else {
        this.loadConversations();
      }
    }
  }

  private replaceConversation(summary: ConversationSummary): void {
    this.conversations.update((list) => {
      const rest = (list ?? []).filter((c) => c.id !== summary.id);
      return [summary, ...rest].sort((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''));
    });
  }
}

/** Newest-first messages with `incoming` merged in, each id once. */
function mergeNewest(current: readonly MessageItem[], incoming: readonly MessageItem[]): MessageItem[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
