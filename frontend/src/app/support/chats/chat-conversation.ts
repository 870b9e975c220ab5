import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { firstValueFrom } from 'rxjs';
import type { CannedReply, ChatMessage, ChatSessionDetail } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { UkDatePipe } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChatClient } from '../../chat/chat-client';
import { mergeMessages } from '../../chat/chat-messages';
import { ChatTranscript } from '../../chat/chat-transcript';
import { TransferDialog, TransferDialogData } from './transfer-dialog';

const ROLE_NAMES: Record<string, string> = {
  parent: 'Parent',
  childminder: 'Childminder',
  support_agent: 'Support agent',
  admin: 'Admin',
  super_admin: 'Super admin',
};

/** One of the agent's chats: the live conversation, canned replies, transfer and close, and who is asking. */
@Component({
  selector: 'app-chat-conversation',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    ChatTranscript,
    FormAlert,
    LoadingState,
    UkDatePipe,
  ],
  template: `
    @if (session(); as chat) {
      <div class="conversation">
        <section class="thread" [attr.aria-label]="'Chat with ' + chat.requester.name">
          <app-chat-transcript [messages]="messages()" me="agent" [label]="'Messages with ' + chat.requester.name" />
          @if (typing()) {
            <p class="typing" aria-live="polite">{{ chat.requester.name }} is typing…</p>
          }
          <app-form-alert [message]="error()" />
          @if (chat.state === 'active') {
            <form class="composer" (ngSubmit)="send()">
              <mat-form-field appearance="outline" class="composer__field" subscriptSizing="dynamic">
                <mat-label>Reply to {{ chat.requester.name }}</mat-label>
                <textarea
                  matInput
                  name="draft"
                  rows="2"
                  maxlength="2000"
                  [(ngModel)]="draft"
                  (input)="onInput()"
                  (keydown)="onKeydown($event)"
                  [attr.aria-describedby]="'hint-' + chat.id"
                ></textarea>
              </mat-form-field>
              <span [id]="'hint-' + chat.id" class="visually-hidden">Enter sends, Shift and Enter adds a line</span>
              <button mat-icon-button type="submit" aria-label="Send reply" [disabled]="busy() || !draft.trim()">
                <mat-icon aria-hidden="true">send</mat-icon>
              </button>
            </form>
            <div class="actions">
              <button
                mat-stroked-button
                type="button"
                [matMenuTriggerFor]="canned"
                [disabled]="cannedReplies().length === 0"
              >
                <mat-icon aria-hidden="true">quickreply</mat-icon> Canned reply
              </button>
              <mat-menu #canned="matMenu">
                @for (reply of cannedReplies(); track reply.id) {
                  <button mat-menu-item type="button" (click)="useCanned(reply)">{{ reply.title }}</button>
                }
              </mat-menu>
              <button mat-stroked-button type="button" (click)="openTransfer()">
                <mat-icon aria-hidden="true">swap_horiz</mat-icon> Transfer
              </button>
              <button mat-stroked-button type="button" (click)="closeChat()" [disabled]="busy()">
                <mat-icon aria-hidden="true">check_circle</mat-icon> End chat
              </button>
            </div>
          } @else {
            <p class="ended">This chat has ended.</p>
          }
        </section>
        <aside class="context" [attr.aria-label]="'About ' + chat.requester.name">
          <h3>{{ chat.requesterContext?.fullName ?? chat.requester.name }}</h3>
          <dl>
            <dt>Role</dt>
            <dd>{{ roleName(chat.requester.role) }}</dd>
            @if (chat.requesterContext; as context) {
              <dt>Email</dt>
              <dd>{{ context.email }}</dd>
              <dt>Member since</dt>
              <dd>{{ context.memberSince | ukDate: 'date' }}</dd>
              <dt>Earlier chats</dt>
              <dd>{{ context.previousChats }}</dd>
              <dt>Open bookings</dt>
              <dd>{{ context.upcomingBookings }} upcoming, {{ context.pendingBookings }} awaiting an answer</dd>
              <dt>Recent tickets</dt>
              <dd>
                @for (ticket of context.recentTickets; track ticket.number) {
                  <span class="ticket">{{ ticket.number }} · {{ ticket.subject }} ({{ ticket.status }})</span>
                } @empty {
                  None
                }
              </dd>
            }
            <dt>Waiting since</dt>
            <dd>{{ chat.createdAt | ukDate }}</dd>
          </dl>
        </aside>
      </div>
    } @else {
      <app-loading-state label="Opening the chat…" />
    }
  `,
  styles: `
    .conversation {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 240px;
      gap: 16px;
      min-height: 420px;
    }
    .thread {
      display: flex;
      flex-direction: column;
      height: 60vh;
      min-height: 360px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
    }
    .composer {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 8px 8px 0 12px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .composer__field {
      flex: 1 1 auto;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 8px 12px;
    }
    .typing,
    .ended {
      margin: 0;
      padding: 4px 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .context h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    dl {
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
    .ticket {
      display: block;
    }
    @media (max-width: 799px) {
      .conversation {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatConversation {
  private readonly chat = inject(ChatClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly sessionId = input.required<string>();
  readonly cannedReplies = input<readonly CannedReply[]>([]);
  /** The chat left my hands (closed or transferred). */
  readonly finished = output<string>();

  protected readonly session = signal<ChatSessionDetail | null>(null);
  protected readonly messages = signal<ChatMessage[]>([]);
  protected readonly typing = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly requesterId = computed(() => this.session()?.requester.id);
  protected draft = '';
  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => void this.load(this.sessionId()));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.typingTimer));
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'connected') {
        void this.sync();
        return;
      }
      if (event.type === 'support.ticket' || event.sessionId !== this.sessionId()) return;
      if (event.type === 'chat.message') {
        this.messages.update((list) => mergeMessages(list, [event.message]));
        if (event.message.sender === 'requester') {
          this.typing.set(false);
          this.chat.markRead(event.sessionId, event.message.id);
        }
      } else if (event.type === 'chat.typing' && event.userId === this.requesterId()) {
        clearTimeout(this.typingTimer);
        this.typing.set(event.typing);
        if (event.typing) this.typingTimer = setTimeout(() => this.typing.set(false), 6000);
      } else if (event.type === 'chat.session') {
        void this.load(event.sessionId, false);
      }
    });
  }

  protected roleName(role: string): string {
    return ROLE_NAMES[role] ?? role;
  }

  protected async send(): Promise<void> {
    const text = this.draft.trim();
    if (!text) return;
    await this.run(async () => {
      const message = await this.chat.send(this.sessionId(), text);
      this.draft = '';
      this.lastTypingSent = 0;
      this.chat.typing(this.sessionId(), false);
      this.messages.update((list) => mergeMessages(list, [message]));
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.send();
    }
  }

  protected onInput(): void {
    if (Date.now() - this.lastTypingSent > 3000) {
      this.lastTypingSent = Date.now();
      this.chat.typing(this.sessionId(), true);
    }
  }

  protected useCanned(reply: CannedReply): void {
    this.draft = this.draft ? `${this.draft} ${reply.text}` : reply.text;
  }

  protected openTransfer(): void {
    const chat = this.session();
    if (!chat) return;
    this.dialog
      .open<TransferDialog, TransferDialogData, ChatSessionDetail>(TransferDialog, {
        data: { sessionId: chat.id, requesterName: chat.requester.name },
        width: '440px',
      })
      .afterClosed()
      .subscribe((moved) => {
        if (!moved) return;
        this.notifier.success(`The chat went to ${moved.agent?.name ?? 'another agent'}.`);
        this.finished.emit(chat.id);
      });
  }

  protected async closeChat(): Promise<void> {
    await this.run(async () => {
      this.session.set(await firstValueFrom(this.chat.act(this.sessionId(), 'close')));
      this.notifier.success('Chat ended.');
      this.finished.emit(this.sessionId());
    });
  }

  private async load(id: string, withMessages = true): Promise<void> {
    try {
      this.session.set(await firstValueFrom(this.chat.session(id)));
      if (withMessages) await this.sync();
    } catch (error) {
      this.error.set(toApiProblem(error).message);
    }
  }

  private async sync(): Promise<void> {
    const id = this.sessionId();
    const after = this.messages().at(-1)?.id ?? 0;
    const { items } = await firstValueFrom(this.chat.messages(id, after));
    this.messages.update((list) => mergeMessages(list, items));
    const last = this.messages().at(-1);
    if (last) this.chat.markRead(id, last.id);
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(error instanceof Error && 'code' in error ? error.message : toApiProblem(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
