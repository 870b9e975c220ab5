import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from '@core/api/api-client';
import type { AppNotification, AppNotificationPage, NotificationUnreadCount } from '@core/api/api-types';

/** The signed-in user's in-app notifications (the header's bell). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly api = inject(ApiClient);

  /** The newest `pageSize` notifications and the unread count. */
  recent(pageSize: number): Observable<AppNotificationPage> {
    return this.api.get('/api/notifications', { query: { pageSize } });
  }

  markRead(id: string): Observable<AppNotification> {
    return this.api.post('/api/notifications/{id}/read', { path: { id } });
  }

  markAllRead(): Observable<NotificationUnreadCount> {
    return this.api.post('/api/notifications/read-all');
  }
}
