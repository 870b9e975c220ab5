import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
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
  private readonly http = inject(HttpClient);

  private base(side: HelpSide): string {
    return `/api/dashboard/${side}/support`;
  }

  list(side: HelpSide, page: number, pageSize: number): Observable<MyTicketPage> {
    return this.http.get<MyTicketPage>(this.base(side), { params: { page, pageSize } });
  }

  create(side: HelpSide, ticket: CreateTicket): Observable<MyTicket> {
    return this.http.post<MyTicket>(this.base(side), ticket);
  }

  get(side: HelpSide, id: string): Observable<MyTicketDetail> {
    return this.http.get<MyTicketDetail>(`${this.base(side)}/${encodeURIComponent(id)}`);
  }

  close(side: HelpSide, id: string): Observable<MyTicketDetail> {
    return this.http.patch<MyTicketDetail>(`${this.base(side)}/${encodeURIComponent(id)}`, { status: 'closed' });
  }

  reply(id: string, body: string): Observable<MyReply> {
    return this.http.post<MyReply>(`/api/tickets/${encodeURIComponent(id)}/replies`, { body });
  }

  contact(form: ContactForm): Observable<ContactReceived> {
    return this.http.post<ContactReceived>('/api/contact', form);
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

const CONSOLE = '/api/admin/support';

/** The agent console's tickets: inbox, search, detail, changes, replies and stats. */
@Injectable({ providedIn: 'root' })
export class ConsoleTicketsApi {
  private readonly http = inject(HttpClient);

  list(filter: TicketFilter): Observable<TicketPage> {
    let params = new HttpParams().set('page', filter.page).set('pageSize', filter.pageSize);
    for (const key of ['status', 'priority', 'category', 'assignee', 'requesterRole'] as const) {
      if (filter[key]) params = params.set(key, filter[key]);
    }
    // UK dates: the server reads them as the start and the end of those days in UK time.
    if (filter.from) params = params.set('from', filter.from);
    if (filter.to) params = params.set('to', filter.to);
    const q = filter.q.trim();
    return q
      ? this.http.get<TicketPage>(`${CONSOLE}/search`, { params: params.set('q', q) })
      : this.http.get<TicketPage>(CONSOLE, { params });
  }

  get(id: string): Observable<TicketDetail> {
    return this.http.get<TicketDetail>(`${CONSOLE}/${encodeURIComponent(id)}`);
  }

  update(id: string, changes: UpdateTicket): Observable<TicketDetail> {
    return this.http.patch<TicketDetail>(`${CONSOLE}/${encodeURIComponent(id)}`, changes);
  }

  remove(id: string): Observable<unknown> {
    return this.http.delete(`${CONSOLE}/${encodeURIComponent(id)}`);
  }

  reply(id: string, body: string, internal: boolean): Observable<TicketReply> {
    return this.http.post<TicketReply>(`/api/tickets/${encodeURIComponent(id)}/replies`, { body, internal });
  }

  /** `from` and `to` are UK dates (YYYY-MM-DD), both days included. */
  stats(from: string, to: string): Observable<TicketStats> {
    return this.http.get<TicketStats>(`${CONSOLE}/stats`, { params: { from, to } });
  }
}
