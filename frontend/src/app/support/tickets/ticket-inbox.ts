import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Ticket, TicketPage } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
import { ConsoleTicketsApi, type TicketFilter } from '@shared/support/support-api';
import {
  CONSOLE_STATUS_LABELS,
  formatTicketTime,
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUSES,
} from '@shared/support/ticket-format';
import { ChatClient } from '../../chat/chat-client';
import { describeTicketChange, isNewsFor } from './ticket-news';

type FilterFields = Omit<TicketFilter, 'page' | 'pageSize'>;
const NO_FILTERS: FilterFields = {
  q: '',
  status: '',
  priority: '',
  category: '',
  assignee: '',
  requesterRole: '',
  from: '',
  to: '',
};

/**
 * `/support/tickets`: the inbox, most recently active first, with search and filters. It stays
 * current by itself: the console's socket says when a ticket is opened, answered or changed, the
 * page shown is loaded again in place and the news is announced.
 */
@Component({
  selector: 'app-ticket-inbox',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PagedList,
    PageRows,
  ],
  templateUrl: './ticket-inbox.html',
  styleUrl: './tickets.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketInbox {
  private readonly api = inject(ConsoleTicketsApi);
  private readonly chat = inject(ChatClient);
  private readonly auth = inject(AuthService);

  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly categories = TICKET_CATEGORIES;
  protected readonly statusLabels = CONSOLE_STATUS_LABELS;
  protected readonly priorityLabels = TICKET_PRIORITY_LABELS;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly time = formatTicketTime;

  protected filter: FilterFields = { ...NO_FILTERS };
  protected readonly list = new PagedListState<Ticket, TicketPage>(({ page, pageSize }) =>
    this.api.list({ ...this.filter, page, pageSize }),
  );

  /** Whether live updates arrive now. */
  protected readonly live = this.chat.connected;
  /** The latest live news, announced politely. */
  protected readonly news = signal('');

  constructor() {
    this.list.reload();
    void this.chat.use();
    inject(DestroyRef).onDestroy(() => this.chat.release());
    this.chat.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'support.ticket') {
        this.list.refresh();
        if (isNewsFor(event, this.auth.user()?.id)) this.news.set(describeTicketChange(event));
      } else if (event.type === 'connected') {
        // Back after a drop: whatever changed meanwhile.
        this.list.refresh();
      }
    });
  }

  protected applyFilters(): void {
    this.list.firstPage();
  }

  protected clearFilters(): void {
    this.filter = { ...NO_FILTERS };
    this.applyFilters();
  }
}
