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
import { FormsModule } from '@angular/forms';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { firstValueFrom } from 'rxjs';
import type { ChatMessage, ChatSessionDetail } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { formFieldDefaults } from '@core/layout/material-defaults';
import { ChatClient } from './chat-client';
import { mergeMessages } from './chat-messages';
import { ChatTranscript } from './chat-transcript';

const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOWN_FOR_MS = 6000;

/**
 * The live chat for parents and childminders, on every page: a launcher with the unread count,
 * and a panel with the conversation (new messages announced politely to screen readers), the
 * adviser's typing indicator, "leave a message" when nobody has come for a while, and a rating
 * once the chat has ended. It reconnects by itself and catches up on what it missed.
 */
@Component({
  selector: 'app-chat-widget',
  imports: [
    FormsModule,
    MatBadgeModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ChatTranscript,
  ],
  // Outside the router outlet, so beyond the pages' defaults: the same outlined fields here.
  providers: [formFieldDefaults],
  templateUrl: './chat-widget.html',
  styleUrl: './chat-widget.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatWidget {
  private readonly chat = inject(ChatClient);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly launcher = viewChild('launcher', { read: ElementRef<HTMLButtonElement> });
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  protected readonly open = signal(false);
  protected readonly session = signal<ChatSessionDetail | null>(null);
  protected readonly messages = signal<ChatMessage[]>([]);
  protected readonly unread = signal(0);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly otherTyping = signal(false);
  protected readonly now = signal(Date.now());
  protected readonly connected = this.chat.connected;
  protected readonly socketInUse = signal(false);

  protected draft = '';
  protected leftMessage = '';
  protected rating = 0;
  protected ratingComment = '';

  protected readonly state = computed(() => this.session()?.state ?? 'none');
  protected readonly agentName = computed(() => this.session()?.agent?.name ?? null);
  /** The adviser's photo, if they have one. */
  protected readonly agentAvatar = computed(() => this.session()?.agent?.avatarUrl ?? null);
  protected readonly offerLeaveMessage = computed(() => {
    const offeredAt = this.session()?.leaveMessageOfferedAt;
    return this.state() === 'waiting' && !!offeredAt && this.now() >= new Date(offeredAt).getTime();
  });
  protected readonly canReopen = computed(() => {
    const until = this.session()?.reopenableUntil;
    return this.state() === 'closed' && !!until && this.now() < new Date(until).getTime();
  });
  protected readonly canRate = computed(() => {
    const session = this.session();
    return session?.state === 'closed' && !session.leftMessage && session.rating === null && !!session.agent;
  });
  protected readonly launcherLabel = computed(() =>
    this.unread() > 0 ? `Chat with support, ${this.unread()} unread` : 'Chat with support',
  );

  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const clock = setInterval(() => this.now.set(Date.now()), 15_000);
    this.destroyRef.onDestroy(() => {
      clearInterval(clock);
      clearTimeout(this.typingTimer);
      if (this.socketInUse()) this.chat.release();
    });
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      const current = this.session();
      if (event.type === 'connected') {
        if (current) void this.refresh(current.id);
        return;
      }
      if (event.type === 'support.ticket' || !current || event.sessionId !== current.id) return;
      if (event.type === 'chat.message') {
        this.messages.update((list) => mergeMessages(list, [event.message]));
        if (event.message.sender !== 'requester') this.otherTyping.set(false);
        this.noteIncoming(event.message);
      } else if (event.type === 'chat.session') {
        void this.refresh(current.id);
      } else if (event.type === 'chat.typing') {
        this.showTyping(event.typing);
      }
    });
    void this.loadLatest();
  }

  protected async toggle(): Promise<void> {
    if (this.open()) {
      this.close();
      return;
    }
    this.open.set(true);
    await this.useSocket();
    this.markAllRead();
    this.focusInPanel();
  }

  protected close(): void {
    this.open.set(false);
    // Back to where the user opened it from.
    setTimeout(() => this.launcher()?.nativeElement.focus());
  }

  protected onPanelKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  }

  protected async startChat(): Promise<void> {
    await this.run(async () => {
      const text = this.draft.trim();
      const session = await firstValueFrom(this.chat.start(text || undefined));
      this.draft = '';
      this.session.set(session);
      this.messages.set([]);
      await this.useSocket();
      await this.sync(session.id);
      this.focusInPanel();
    });
  }

  protected async sendMessage(): Promise<void> {
    const session = this.session();
    const text = this.draft.trim();
    if (!session || !text) return;
    await this.run(async () => {
      const message = await this.chat.send(session.id, text);
      this.draft = '';
      this.chat.typing(session.id, false);
      this.lastTypingSent = 0;
      this.messages.update((list) => mergeMessages(list, [message]));
    });
  }

  protected onComposerKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.sendMessage();
    }
  }

  protected onDraftInput(): void {
    const session = this.session();
    if (!session || session.state === 'closed') return;
    const now = Date.now();
    if (now - this.lastTypingSent > TYPING_SEND_EVERY_MS) {
      this.lastTypingSent = now;
      this.chat.typing(session.id, true);
    }
  }

  protected async leaveMessage(): Promise<void> {
    const session = this.session();
    const message = this.leftMessage.trim();
    if (!session || !message) return;
    await this.run(async () => {
      this.session.set(await firstValueFrom(this.chat.act(session.id, 'leave_message', { message })));
      this.leftMessage = '';
      await this.sync(session.id);
      this.focusInPanel('#chat-outcome');
    });
  }

  protected async endChat(): Promise<void> {
    const session = this.session();
    if (!session) return;
    await this.run(async () => {
      this.session.set(await firstValueFrom(this.chat.act(session.id, 'close')));
      await this.sync(session.id);
      this.focusInPanel('#chat-outcome');
    });
  }

  protected async reopen(): Promise<void> {
    const session = this.session();
    if (!session) return;
    await this.run(async () => {
      this.session.set(await firstValueFrom(this.chat.act(session.id, 'reopen')));
      await this.sync(session.id);
      this.focusInPanel();
    });
  }

  protected newChat(): void {
    this.session.set(null);
    this.messages.set([]);
    this.focusInPanel();
  }

  protected async rate(): Promise<void> {
    const session = this.session();
    if (!session || this.rating < 1) return;
    await this.run(async () => {
      this.session.set(
        await firstValueFrom(
          this.chat.act(session.id, 'rate', {
            rating: this.rating,
            ...(this.ratingComment.trim() ? { comment: this.ratingComment.trim() } : {}),
          }),
        ),
      );
      this.focusInPanel('#chat-outcome');
    });
  }

  private async loadLatest(): Promise<void> {
    try {
      const page = await firstValueFrom(this.chat.sessions({ pageSize: 1 }));
      const latest = page.items[0];
      if (!latest || latest.state === 'closed') return;
      await this.refresh(latest.id);
      this.unread.set(latest.unread);
      await this.useSocket();
    } catch {
      // The launcher still works: opening it starts a new chat.
    }
  }

  private async refresh(id: string): Promise<void> {
    try {
      this.session.set(await firstValueFrom(this.chat.session(id)));
      await this.sync(id);
    } catch (error) {
      this.error.set(toApiProblem(error).message);
    }
  }

  /** Fetches the messages after the newest one shown (all of them the first time). */
  private async sync(id: string): Promise<void> {
    const after = this.messages().at(-1)?.id ?? 0;
    const { items } = await firstValueFrom(this.chat.messages(id, after));
    this.messages.update((list) => mergeMessages(list, items));
    if (this.open()) this.markAllRead();
  }

  private noteIncoming(message: ChatMessage): void {
    if (message.sender === 'requester') return;
    if (this.open() && document.visibilityState !== 'hidden') this.markAllRead();
    else this.unread.update((n) => n + 1);
  }

  private markAllRead(): void {
    const session = this.session();
    const last = this.messages().at(-1);
    this.unread.set(0);
    if (session && last) this.chat.markRead(session.id, last.id);
  }

  private showTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    this.otherTyping.set(typing);
    if (typing) this.typingTimer = setTimeout(() => this.otherTyping.set(false), TYPING_SHOWN_FOR_MS);
  }

  private async useSocket(): Promise<void> {
    if (this.socketInUse()) return;
    this.socketInUse.set(true);
    await this.chat.use();
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      const problem = error instanceof Error && 'code' in error ? { message: error.message } : toApiProblem(error);
      this.error.set(problem.message);
    } finally {
      this.busy.set(false);
    }
  }

  /** Moves focus to `selector` in the panel, or to its first field, once it has rendered. */
  private focusInPanel(selector = 'textarea, input, button.primary'): void {
    afterNextRender(
      () => {
        const target = this.panel()?.nativeElement.querySelector<HTMLElement>(selector);
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
