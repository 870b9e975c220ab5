import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type {
  ChatAgent,
  TicketCategory,
  TicketDetail,
  TicketEvent,
  TicketPriority,
  TicketStatus,
  UpdateTicket,
} from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ConfirmDeleteDialog, type ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { FormAlert } from '@shared/form-alert/form-alert';
import { LoadableFor } from '@shared/loadable/loadable';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { ConsoleTicketsApi } from '@shared/support/support-api';
import {
  CONSOLE_STATUS_LABELS,
  formatTicketTime,
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUSES,
} from '@shared/support/ticket-format';
import { TicketThread } from '@shared/support/ticket-thread';
import { ChatClient } from '../../chat/chat-client';
import { describeTicketChange, isNewsFor } from './ticket-news';

const ROLE_LABELS: Record<string, string> = {
  support_agent: 'support agent',
  admin: 'admin',
  super_admin: 'super admin',
};

const EVENT_LABELS: Record<TicketEvent['type'], string> = {
  created: 'Created',
  status: 'Status',
  priority: 'Priority',
  category: 'Category',
  assignee: 'Assignee',
  tags: 'Tags',
};

/**
 * `/support/tickets/:ticketId`: the thread with internal notes, a reply box, and the ticket's
 * settings (the assignee chosen from the staff list). It follows the ticket live: a reply or a
 * colleague's change shows at once and is announced.
 */
@Component({
  selector: 'app-ticket-detail',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    FormAlert,
    ErrorState,
    LoadingState,
    TicketThread,
  ],
  templateUrl: './ticket-detail.html',
  styleUrl: './tickets.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketDetailPage {
  private readonly api = inject(ConsoleTicketsApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly chat = inject(ChatClient);

  readonly ticketId = input.required<string>();

  private readonly threadEnd = viewChild<ElementRef<HTMLElement>>('threadEnd');
  protected readonly detail = new LoadableFor(this.ticketId, (id) => this.api.get(id));
  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly categories = TICKET_CATEGORIES;
  protected readonly statusLabels = CONSOLE_STATUS_LABELS;
  protected readonly priorityLabels = TICKET_PRIORITY_LABELS;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly eventLabels = EVENT_LABELS;
  protected readonly time = formatTicketTime;
  protected readonly isAdmin = computed(() => ['admin', 'super_admin'].includes(this.auth.role() ?? ''));
  protected readonly closed = computed(() => this.detail.value()?.ticket.status === 'closed');

  /** Who a ticket can be given to: support agents and admins (GET /api/chat/agents). */
  protected readonly staff = signal<ChatAgent[]>([]);
  protected readonly staffError = signal<string | null>(null);
  protected readonly roleLabels = ROLE_LABELS;
  /** Live news about this ticket, announced politely. */
  protected readonly news = signal('');
  protected readonly deleted = signal(false);

  constructor() {
    this.chat.agents().subscribe({
      next: ({ items }) => this.staff.set(items),
      error: (error: unknown) => this.staffError.set(`We couldn't load the staff list: ${toApiProblem(error).message}`),
    });
    void this.chat.use();
    inject(DestroyRef).onDestroy(() => this.chat.release());
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type !== 'support.ticket' || event.ticketId !== this.ticketId()) return;
      // My own changes are on the screen already.
      if (!isNewsFor(event, this.auth.user()?.id)) return;
      this.news.set(describeTicketChange(event));
      if (event.change === 'deleted') this.deleted.set(true);
      else this.reloadQuietly();
    });
  }

  protected readonly busy = signal(false);
  protected readonly replyError = signal<string | null>(null);
  protected readonly settingsError = signal<string | null>(null);
  protected replyText = '';
  protected internal = false;
  protected tagsText = '';

  protected mine(detail: TicketDetail): boolean {
    return detail.ticket.assignee?.id === this.auth.user()?.id;
  }

  protected tagsOf(detail: TicketDetail): string {
    return detail.ticket.tags.join(', ');
  }

  protected sendReply(detail: TicketDetail): void {
    const body = this.replyText.trim();
    if (!body) {
      this.replyError.set('Write a reply first.');
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.replyError.set(null);
    this.api.reply(detail.ticket.id, body, this.internal).subscribe({
      next: () => {
        const note = this.internal;
        this.replyText = '';
        this.internal = false;
        this.notifier.success(note ? 'Internal note added.' : 'Reply sent to the requester.');
        this.refresh(() => this.threadEnd()?.nativeElement.focus());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.replyError.set(toApiProblem(error).message);
      },
    });
  }

  protected changeStatus(detail: TicketDetail, status: TicketStatus): void {
    this.save(detail, { status }, `Status: ${this.statusLabels[status]}.`);
  }

  protected changePriority(detail: TicketDetail, priority: TicketPriority): void {
    this.save(detail, { priority }, `Priority: ${this.priorityLabels[priority]}.`);
  }

  protected changeCategory(detail: TicketDetail, category: TicketCategory): void {
    this.save(detail, { category }, 'Category changed.');
  }

  protected assignToMe(detail: TicketDetail): void {
    this.save(detail, { assigneeId: this.auth.user()?.id ?? null }, 'Assigned to you.');
  }

  protected changeAssignee(detail: TicketDetail, assigneeId: string | null): void {
    if ((detail.ticket.assignee?.id ?? null) === assigneeId) return;
    const name = this.staff().find((s) => s.id === assigneeId)?.name;
    this.save(detail, { assigneeId }, assigneeId ? `Assigned to ${name ?? 'the chosen colleague'}.` : 'Unassigned.');
  }

  /** The staff to choose from, with the current assignee even if the list could not be loaded. */
  protected assigneeChoices(detail: TicketDetail): { id: string; label: string }[] {
    const choices = this.staff().map((s) => ({ id: s.id, label: `${s.name} (${this.roleLabels[s.role] ?? s.role})` }));
    const current = detail.ticket.assignee;
    if (current && !choices.some((c) => c.id === current.id)) choices.unshift({ id: current.id, label: current.name });
    return choices;
  }

  protected saveTags(detail: TicketDetail, text: string): void {
    const tags = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    this.save(detail, { tags }, 'Tags saved.');
  }

  protected deleteTicket(detail: TicketDetail): void {
    this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, {
        data: {
          title: `Delete ${detail.ticket.number}?`,
          body: 'The ticket, its replies, notes and history are deleted for good. The deletion is written to the audit log.',
          keepLabel: 'Keep it',
          confirmLabel: 'Delete ticket',
          busyLabel: 'Deleting…',
          remove: () => this.api.remove(detail.ticket.id),
        },
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((deleted) => {
        if (!deleted) return;
        this.notifier.success(`${detail.ticket.number} deleted.`);
        void this.router.navigate(['/support/tickets']);
      });
  }

  private save(detail: TicketDetail, changes: UpdateTicket, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.settingsError.set(null);
    this.api.update(detail.ticket.id, changes).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.detail.set(updated);
        this.notifier.success(done);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.settingsError.set(toApiProblem(error).message);
      },
    });
  }

  /** A colleague or the requester changed the ticket: show it, without touching what I am typing. */
  private reloadQuietly(): void {
    this.api.get(this.ticketId()).subscribe({
      next: (updated) => this.detail.set(updated),
      error: () => undefined,
    });
  }

  /** Loads the ticket again in place (no loading state), then `after`. */
  private refresh(after?: () => void): void {
    this.api.get(this.ticketId()).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.detail.set(updated);
        if (after) queueMicrotask(after);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.replyError.set(toApiProblem(error).message);
      },
    });
  }
}
