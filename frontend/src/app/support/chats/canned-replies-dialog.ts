import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import type { CannedReply } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { FormAlert } from '@shared/form-alert/form-alert';
import { ChatClient } from '../../chat/chat-client';

interface Row {
  key: number;
  title: string;
  text: string;
}

/** Admins keep the console's canned replies: add, edit, remove; saved as a whole list. */
@Component({
  selector: 'app-canned-replies-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title>Canned replies</h2>
    <form (ngSubmit)="save()">
      <mat-dialog-content>
        <app-form-alert [message]="error()" />
        @for (row of rows(); track row.key; let i = $index) {
          <fieldset class="row">
            <legend class="visually-hidden">Reply {{ i + 1 }}</legend>
            <mat-form-field appearance="outline">
              <mat-label>Title</mat-label>
              <input matInput [name]="'title' + row.key" [(ngModel)]="row.title" maxlength="80" required />
            </mat-form-field>
            <mat-form-field appearance="outline" class="text">
              <mat-label>Text</mat-label>
              <textarea
                matInput
                [name]="'text' + row.key"
                [(ngModel)]="row.text"
                rows="2"
                maxlength="1000"
                required
              ></textarea>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Remove reply ' + (row.title || i + 1)"
              (click)="remove(row.key)"
            >
              <mat-icon aria-hidden="true">delete</mat-icon>
            </button>
          </fieldset>
        } @empty {
          <p>No canned replies yet.</p>
        }
        <button mat-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">add</mat-icon> Add a reply
        </button>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: 160px minmax(0, 1fr) auto;
      gap: 8px;
      align-items: start;
      border: 0;
      margin: 0;
      padding: 0;
    }
    @media (max-width: 599px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedRepliesDialog {
  private readonly chat = inject(ChatClient);
  private readonly ref = inject<MatDialogRef<CannedRepliesDialog, CannedReply[]>>(MatDialogRef);
  private nextKey = 0;

  protected readonly rows = signal<Row[]>(
    inject<readonly CannedReply[]>(MAT_DIALOG_DATA).map((reply) => ({
      key: this.nextKey++,
      title: reply.title,
      text: reply.text,
    })),
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected add(): void {
    this.rows.update((rows) => [...rows, { key: this.nextKey++, title: '', text: '' }]);
  }

  protected remove(key: number): void {
    this.rows.update((rows) => rows.filter((row) => row.key !== key));
  }

  protected async save(): Promise<void> {
    const replies = this.rows().map((row) => ({ title: row.title.trim(), text: row.text.trim() }));
    if (replies.some((reply) => !reply.title || !reply.text)) {
      this.error.set('Every reply needs a title and a text.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close((await firstValueFrom(this.chat.saveCannedReplies(replies))).items);
    } catch (error) {
      this.error.set(toApiProblem(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
