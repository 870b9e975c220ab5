import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type {
  ContactForm,
  ContactReceived,
  CreateTicket,
  MyReply,
  MyTicket,
  MyTicketDetail,
  MyTicketPage,
  TicketDetail,
  TicketPage,
  TicketPriority,
  TicketCategory,
  TicketReply,
  TicketStats,
  TicketStatus,
  UpdateTicket,
} from '@core/api/api-types';

export type HelpSide = 'parent' | 'childminder';

/** The Help pages of parents and childminders, and the public contact form. */
@Injectable({ providedIn: 'root' })
export class HelpApi {
  private readonly api = inject(ApiClient);

  list(side: HelpSide, page: number, pageSize: number): Observable<MyTicketPage> {
    return this.api.get(`/api/dashboard/${side}/support`, { query: { page, pageSize } });
  }

  create(side: HelpSide, ticket: CreateTicket): Observable<MyTicket> {
    return this.api.post(`/api/dashboard/${side}/support`, { body: ticket });
  }

  get(side: HelpSide, id: string): Observable<MyTicketDetail> {
    return this.api.get(`/api/dashboard/${side}/support/{id}`, { path: { id } });
  }

  close(side: HelpSide, id: string): Observable<MyTicketDetail> {
    return this.api.patch(`/api/dashboard/${side}/support/{id}`, { path: { id }, body: { status: 'closed' } });
  }

  reply(id: string, body: string): Observable<MyReply> {
    // The route answers a requester's reply shape to a requester (the union in the document).
    return this.api.post('/api/tickets/{id}/replies', {
      path: { id },
      body: { body, internal: false },
    }) as Observable<MyReply>;
  }

  contact(form: ContactForm): Observable<ContactReceived> {
    return this.api.post('/api/contact', { body: form });
  }
}

export interface TicketFilter {
  q: string;
  status: TicketStatus | '';
  priority: TicketPriority | '';
  category: TicketCategory | '';
  assignee: '' | 'me' | 'none';
  requesterRole: '' | 'parent' | 'childminder' | 'visitor';
  /** UK dates (YYYY-MM-DD) */
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

/** The agent console's tickets: inbox, search, detail, changes, replies and stats. */
@Injectable({ providedIn: 'root' })
export class ConsoleTicketsApi {
  private readonly api = inject(ApiClient);

  list(filter: TicketFilter): Observable<TicketPage> {
    const query = {
      page: filter.page,
      pageSize: filter.pageSize,
      status: filter.status || undefined,
      priority: filter.priority || undefined,
      category: filter.category || undefined,
      assignee: filter.assignee || undefined,
      requesterRole: filter.requesterRole || undefined,
      // UK dates: the server reads them as the start and the end of those days in UK time.
      from: filter.from || undefined,
      to: filter.to || undefined,
    };
    const q = filter.q.trim();
    return q
      ? this.api.get('/api/admin/support/search', { query: { ...query, q } })
      : this.api.get('/api/admin/support', { query });
  }

  get(id: string): Observable<TicketDetail> {
    return this.api.get('/api/admin/support/{id}', { path: { id } });
  }

  update(id: string, changes: UpdateTicket): Observable<TicketDetail> {
    return this.api.patch('/api/admin/support/{id}', { path: { id }, body: changes });
  }

  remove(id: string): Observable<unknown> {
    return this.api.delete('/api/admin/support/{id}', { path: { id } });
  }

  reply(id: string, body: string, internal: boolean): Observable<TicketReply> {
    // The route answers the staff reply shape to the support team (the union in the document).
    return this.api.post('/api/tickets/{id}/replies', {
      path: { id },
      body: { body, internal },
    }) as Observable<TicketReply>;
  }

  /** `from` and `to` are UK dates (YYYY-MM-DD), both days included. */
  stats(from: string, to: string): Observable<TicketStats> {
    return this.api.get('/api/admin/support/stats', { query: { from, to } });
  }
}
