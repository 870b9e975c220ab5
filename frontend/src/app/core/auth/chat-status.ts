import { Injectable, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { Observable, tap } from 'rxjs';
import type { ChatStatus, ChatStatusResponse } from '@core/api/api-types';

/** A staff member's live-chat availability, shown and changed from the toolbar. */
@Injectable({ providedIn: 'root' })
export class ChatStatusService {
  private readonly api = inject(ApiClient);
  private readonly current = signal<ChatStatus | null>(null);

  readonly status = this.current.asReadonly();

  load(): Observable<ChatStatusResponse> {
    return this.api.get('/api/auth/chat-status').pipe(tap((response) => this.current.set(response.status)));
  }

  change(status: ChatStatus): Observable<ChatStatusResponse> {
    return this.api
      .patch('/api/auth/chat-status', { body: { status } })
      .pipe(tap((response) => this.current.set(response.status)));
  }

  reset(): void {
    this.current.set(null);
  }
}
