import { ChangeDetectionStrategy, Component, inject, input, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { MyTicket, MyTicketPage } from '@core/api/api-types';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';
import { HelpApi, type HelpSide } from '@shared/support/support-api';
import { formatTicketTime, TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from '@shared/support/ticket-format';

/** `/parent/help` and `/childminder/help`: my support tickets, most recently active first. */
@Component({
  selector: 'app-help-list',
  imports: [RouterLink, MatButtonModule, MatIconModule, PagedList, PageRows],
  template: `
    <div class="page">
      <a class="back-link" [routerLink]="'/' + side()">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <div class="heading">
        <h1>Help</h1>
        <a mat-flat-button routerLink="new">
          <mat-icon aria-hidden="true">add</mat-icon>
          Ask for help
        </a>
      </div>
      <p class="muted intro">Your questions to our support team and their answers. We reply by email too.</p>
      <app-paged-list
        [list]="list"
        errorTitle="We couldn't load your requests"
        loadingLabel="Loading your requests…"
        emptyIcon="support_agent"
        emptyTitle="You have not asked us anything yet"
        paginatorLabel="Pages of your requests"
      >
        <a emptyAction mat-stroked-button routerLink="new">Ask for help</a>
        <ng-template [appPageRows]="list.value()" let-items>
          <ul class="tickets" aria-label="Your requests">
            @for (ticket of items; track ticket.id) {
              <li class="ticket card-surface">
                <div class="ticket__main">
                  <h2 class="ticket__title">
                    <a [routerLink]="ticket.id">{{ ticket.subject }}</a>
                  </h2>
                  <p class="muted">
                    {{ ticket.number }} · {{ categoryLabels[ticket.category] }} · last update
                    {{ time(ticket.lastActivityAt) }}
                  </p>
                </div>
                <span [class]="'status status--' + ticket.status">{{ statusLabels[ticket.status] }}</span>
              </li>
            }
          </ul>
        </ng-template>
      </app-paged-list>
    </div>
  `,
  styleUrl: './help.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HelpList implements OnInit {
  private readonly api = inject(HelpApi);

  /** From the route's data. */
  readonly side = input.required<HelpSide>();

  protected readonly statusLabels = TICKET_STATUS_LABELS;
  protected readonly categoryLabels = TICKET_CATEGORY_LABELS;
  protected readonly time = formatTicketTime;
  protected readonly list = new PagedListState<MyTicket, MyTicketPage>(({ page, pageSize }) =>
    this.api.list(this.side(), page, pageSize),
  );

  ngOnInit(): void {
    this.list.reload();
  }
}
