import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { MyReply, TicketReply } from '@core/api/api-types';
import { formatTicketTime } from './ticket-format';

/** A ticket's opening message and its replies, oldest first; internal notes stand out (agents only get them). */
@Component({
  selector: 'app-ticket-thread',
  imports: [MatIconModule],
  template: `
    <ol class="thread" aria-label="Conversation">
      <li class="entry entry--requester">
        <p class="entry__meta">
          <strong>{{ requesterName() }}</strong>
          <span class="muted">{{ time(openedAt()) }}</span>
        </p>
        <p class="entry__body">{{ body() }}</p>
      </li>
      @for (reply of replies(); track reply.id) {
        <li
          class="entry"
          [class.entry--agent]="reply.side === 'agent'"
          [class.entry--requester]="reply.side === 'requester'"
          [class.entry--internal]="isInternal(reply)"
        >
          <p class="entry__meta">
            @if (reply.authorAvatarUrl) {
              <img class="entry__avatar" [src]="reply.authorAvatarUrl" alt="" width="28" height="28" />
            }
            <strong>{{ reply.authorName }}</strong>
            @if (isInternal(reply)) {
              <span class="internal-badge">
                <mat-icon aria-hidden="true">lock</mat-icon>
                Internal note
              </span>
            }
            <span class="muted">{{ time(reply.createdAt) }}</span>
          </p>
          <p class="entry__body">{{ reply.body }}</p>
        </li>
      }
    </ol>
  `,
  styles: `
    .thread {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .entry {
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      max-width: 100%;
    }
    .entry--agent {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .entry--internal {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-style: dashed;
    }
    .entry__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      margin: 0 0 4px;
    }
    .entry__avatar {
      width: 28px;
      height: 28px;
      border-radius: 50%;
      object-fit: cover;
    }
    .entry__body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .internal-badge {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      font-weight: 500;
      mat-icon {
        font-size: 18px;
        width: 18px;
        height: 18px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketThread {
  readonly requesterName = input.required<string>();
  readonly body = input.required<string>();
  readonly openedAt = input.required<string>();
  readonly replies = input.required<readonly (MyReply | TicketReply)[]>();

  protected readonly time = formatTicketTime;

  protected isInternal(reply: MyReply | TicketReply): boolean {
    return 'internal' in reply && reply.internal;
  }
}
