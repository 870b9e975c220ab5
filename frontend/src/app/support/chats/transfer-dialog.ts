import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { firstValueFrom } from 'rxjs';
import type { ChatAgent, ChatSessionDetail } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadingState } from '@shared/page-state/loading-state';
import { ChatClient } from '../../chat/chat-client';

export interface TransferDialogData {
  sessionId: string;
  requesterName: string;
}

/** Hands a chat to another agent: only online agents with room for another chat are offered. */
@Component({
  selector: 'app-transfer-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FormAlert,
    LoadingState,
  ],
  template: `
    <h2 mat-dialog-title>Transfer the chat with {{ data.requesterName }}</h2>
    <form (ngSubmit)="transfer()">
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        @if (agents() === null) {
          <app-loading-state label="Finding agents…" />
        } @else if (agents()!.length === 0) {
          <p>Nobody else is online with room for another chat. Try again in a moment.</p>
        } @else {
          <p id="transfer-help">Online agents with room for another chat:</p>
          <mat-radio-group class="agents" name="agentId" [(ngModel)]="agentId" aria-labelledby="transfer-help" required>
            @for (agent of agents(); track agent.id) {
              <mat-radio-button [value]="agent.id">
                {{ agent.name }} · {{ agent.status }} · {{ agent.activeChats }} active
              </mat-radio-button>
            }
          </mat-radio-group>
          <mat-form-field appearance="outline" class="note">
            <mat-label>Note for the new agent (optional)</mat-label>
            <input matInput name="note" [(ngModel)]="note" maxlength="500" />
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy() || !agentId">Transfer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .agents {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 16px;
    }
    .note {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransferDialog {
  protected readonly data = inject<TransferDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TransferDialog, ChatSessionDetail>>(MatDialogRef);
  private readonly chat = inject(ChatClient);
  private readonly me = inject(AuthService).user()?.id;

  protected readonly agents = signal<ChatAgent[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected agentId = '';
  protected note = '';

  constructor() {
    this.chat.agents().subscribe({
      next: ({ items }) => this.agents.set(items.filter((agent) => agent.canTakeTransfer && agent.id !== this.me)),
      error: (error: unknown) => {
        this.agents.set([]);
        this.error.set(toApiProblem(error).message);
      },
    });
  }

  protected async transfer(): Promise<void> {
    if (!this.agentId) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.chat.transfer(this.data.sessionId, this.agentId, this.note.trim())));
    } catch (error) {
      this.error.set(toApiProblem(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
