import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import type { ChatStatus } from '@core/api/api-types';
import { ChatStatusService } from '@core/auth/chat-status';
import { Notifier } from '@core/errors/notifier';
import { toApiProblem } from '@core/errors/api-error';

interface StatusOption {
  value: ChatStatus;
  label: string;
}

const OPTIONS: readonly StatusOption[] = [
  { value: 'available', label: 'Available' },
  { value: 'busy', label: 'Busy' },
  { value: 'offline', label: 'Offline' },
];

/** Support staff's live-chat availability, in the toolbar. */
@Component({
  selector: 'app-chat-status-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button
      mat-button
      type="button"
      class="status-button"
      [matMenuTriggerFor]="statusMenu"
      [attr.aria-label]="'Chat status: ' + currentLabel() + '. Change chat status'"
    >
      <span [class]="'dot dot--' + (status() ?? 'unknown')" aria-hidden="true"></span>
      <span class="label">{{ currentLabel() }}</span>
    </button>
    <mat-menu #statusMenu="matMenu" xPosition="before">
      @for (option of options; track option.value) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="option.value === status()"
          (click)="changeStatus(option.value)"
        >
          <span [class]="'dot dot--' + option.value" aria-hidden="true"></span>
          <span>{{ option.label }}</span>
          @if (option.value === status()) {
            <mat-icon class="check" aria-hidden="true">check</mat-icon>
          }
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .status-button {
      padding-inline: 12px;
    }
    @media (max-width: 599px) {
      .status-button {
        min-width: 40px;
        padding-inline: 8px;
      }
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin-right: 8px;
      vertical-align: middle;
      background: var(--mat-sys-outline);
    }
    .dot--available {
      background: #1b873f;
    }
    .dot--busy {
      background: #b35c00;
    }
    .dot--offline {
      background: var(--mat-sys-outline);
    }
    .check {
      margin: 0 0 0 16px;
    }
    @media (max-width: 599px) {
      .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .dot {
        margin-right: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatStatusMenu {
  private readonly chatStatus = inject(ChatStatusService);
  private readonly notifier = inject(Notifier);

  protected readonly options = OPTIONS;
  protected readonly status = this.chatStatus.status;
  protected readonly currentLabel = computed(
    () => OPTIONS.find((option) => option.value === this.status())?.label ?? 'Chat status',
  );

  constructor() {
    if (this.status() === null) {
      this.chatStatus.load().subscribe({ error: () => undefined });
    }
  }

  protected changeStatus(status: ChatStatus): void {
    if (status === this.status()) return;
    this.chatStatus.change(status).subscribe({
      next: () => this.notifier.success(`Your chat status is now ${status}.`),
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }
}
