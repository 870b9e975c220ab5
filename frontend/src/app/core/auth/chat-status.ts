import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import type { ChatStatus, ChatStatusResponse } from '@core/api/api-types';

/** A staff member's live-chat availability, shown and changed from the toolbar. */
@Injectable({ providedIn: 'root' })
export class ChatStatusService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<ChatStatus | null>(null);

  readonly status = this.current.asReadonly();

  load(): Observable<ChatStatusResponse> {
    return this.http
      .get<ChatStatusResponse>('/api/auth/chat-status')
      .pipe(tap((response) => this.current.set(response.status)));
  }

  change(status: ChatStatus): Observable<ChatStatusResponse> {
    return this.http
      .patch<ChatStatusResponse>('/api/auth/chat-status', { status })
      .pipe(tap((response) => this.current.set(response.status)));
  }

  reset(): void {
    this.current.set(null);
  }
}
