import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';
import type { MyTicketDetail } from '@core/api/api-types';
import { controlError, toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ConfirmDeleteDialog, type ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadableFor } from '@shared/loadable/loadable';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { HelpApi, type HelpSide } from '@shared/support/support-api';
import { TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from '@shared/support/ticket-format';
import { TicketThread } from '@shared/support/ticket-thread';

/** `/parent/help/:id` and `/childminder/help/:id`: one of my requests, its replies, and my reply. */
@Component({
  selector: 'app-help-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
    ErrorState,
    LoadingState,
    TicketThread,
  ],
  template: `
    <div class="page">
      <a class="back-link" [routerLink]="'/' + side() + '/help'">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to Help
      </a>
      @if (ticket.error(); as message) {
        <app-error-state title="We couldn't load this request" [message]="message" (retry)="ticket.reload()" />
      } @else if (ticket.value(); as detail) {
        <h1 #heading tabindex="-1">{{ detail.ticket.subject }}</h1>
        <p class="muted intro">
          {{ detail.ticket.number }} · {{ categoryLabels[detail.ticket.category] }} ·
          <span [class]="'status status--' + detail.ticket.status">{{ statusLabels[detail.ticket.status] }}</span>
        </p>
        <app-ticket-thread
          requesterName="You"
          [body]="detail.ticket.body"
          [openedAt]="detail.ticket.createdAt"
          [replies]="detail.replies"
        />
        @if (detail.ticket.status === 'closed') {
          <p class="muted reply">This request is closed. If you still need help, ask us again from the Help page.</p>
        } @else {
          <form class="reply form-stack" [formGroup]="form" (ngSubmit)="sendReply(detail)" novalidate>
            <app-form-alert [message]="formError()" />
            <mat-form-field class="full-width">
              <mat-label>Your reply</mat-label>
              <textarea matInput formControlName="body" rows="4" maxlength="10000" required></textarea>
              @if (replyError(); as e) {
                <mat-error>{{ e }}</mat-error>
              }
              @if (detail.ticket.status === 'resolved') {
                <mat-hint>Replying opens this request again.</mat-hint>
              }
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ busy() ? 'Sending…' : 'Send reply' }}
              </button>
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="closeTicket(detail)">
                Close this request
              </button>
            </div>
          </form>
        }
      } @else {
        <app-loading-state label="Loading your request…" />
      }
    </div>
  `,
  styleUrl: './help.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HelpDetail {
  private readonly api = inject(HelpApi);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly side = input.required<HelpSide>();
  readonly id = input.required<string>();

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly key = computed(() => ({ side: this.side(), id: this.id() }));
  protected readonly ticket = new LoadableFor(this.key, ({ side, id }) => this.api.get(side, id));
  protected readonly statusLabels = TICKET_STATUS_LABELS;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = this.fb.group({ body: ['', [Validators.required, Validators.maxLength(10000)]] });

  protected replyError(): string | null {
    return controlError(this.form.controls.body, 'Reply');
  }

  protected sendReply(detail: MyTicketDetail): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    this.api.reply(detail.ticket.id, this.form.getRawValue().body.trim()).subscribe({
      next: () => {
        this.busy.set(false);
        this.form.reset();
        this.notifier.success('Reply sent.');
        this.refresh();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.formError.set(toApiProblem(error).message);
      },
    });
  }

  protected closeTicket(detail: MyTicketDetail): void {
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: 'Close this request?',
          body: 'Close it when you have the help you needed. You will not be able to reply to it afterwards.',
          keepLabel: 'Keep it open',
          confirmLabel: 'Close request',
          busyLabel: 'Closing…',
          remove: () => this.api.close(this.side(), detail.ticket.id).pipe(tap((updated) => this.ticket.set(updated))),
        },
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((closed) => {
        if (!closed) return;
        this.notifier.success('Request closed.');
        this.focusHeading();
      });
  }

  /** Loads the thread again without the loading state (keeps the page in place). */
  private refresh(): void {
    this.api.get(this.side(), this.id()).subscribe({
      next: (updated) => this.ticket.set(updated),
      error: (error: unknown) => this.formError.set(toApiProblem(error).message),
    });
  }

  private focusHeading(): void {
    queueMicrotask(() => this.heading()?.nativeElement.focus());
  }
}
