import { ChangeDetectionStrategy, Component, ElementRef, effect, input, viewChild } from '@angular/core';
import type { ChatMessage } from '@core/api/api-types';
import { UkDatePipe } from '@shared/dates/uk-date';

/**
 * A chat's messages as a log: new ones are announced politely by screen readers (role="log"),
 * mine on the right, the other side's on the left, the product's own notes centred. It keeps
 * the newest message in view.
 */
@Component({
  selector: 'app-chat-transcript',
  imports: [UkDatePipe],
  template: `
    <div class="log" #log role="log" aria-live="polite" aria-relevant="additions" [attr.aria-label]="label()">
      <ol class="lines">
        @for (message of messages(); track message.id) {
          <li class="line" [class]="'line line--' + side(message)">
            @if (message.sender === 'system') {
              <span class="system">{{ message.text }}</span>
            } @else {
              <span class="who">{{ side(message) === 'mine' ? 'You' : (message.senderName ?? 'Support') }}</span>
              <span class="bubble">{{ message.text }}</span>
              <span class="when">{{ message.createdAt | ukDate: 'time' }}</span>
            }
          </li>
        }
      </ol>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-height: 0;
    }
    .log {
      overflow-y: auto;
      min-height: 0;
      flex: 1 1 auto;
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .line {
      display: flex;
      flex-direction: column;
      max-width: 85%;
    }
    .line--mine {
      align-self: flex-end;
      align-items: flex-end;
    }
    .line--theirs {
      align-self: flex-start;
    }
    .line--system {
      align-self: center;
      max-width: 100%;
    }
    .system {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
    }
    .who,
    .when {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bubble {
      padding: 8px 12px;
      border-radius: 16px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .line--mine .bubble {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatTranscript {
  readonly messages = input.required<readonly ChatMessage[]>();
  /** Which sender is "me": the requester (widget) or the agent (console). */
  readonly me = input.required<'requester' | 'agent'>();
  readonly label = input('Chat messages');
  private readonly log = viewChild.required<ElementRef<HTMLElement>>('log');

  constructor() {
    effect(() => {
      this.messages();
      const element = this.log().nativeElement;
      queueMicrotask(() => (element.scrollTop = element.scrollHeight));
    });
  }

  protected side(message: ChatMessage): 'mine' | 'theirs' | 'system' {
    if (message.sender === 'system') return 'system';
    return message.sender === this.me() ? 'mine' : 'theirs';
  }
}
