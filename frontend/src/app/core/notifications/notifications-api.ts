import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AppNotification, AppNotificationPage, NotificationUnreadCount } from '@core/api/api-types';

const BASE = '/api/notifications';

/** The signed-in user's in-app notifications (the header's bell). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** The newest `pageSize` notifications and the unread count. */
  recent(pageSize: number): Observable<AppNotificationPage> {
    return this.http.get<AppNotificationPage>(BASE, { params: new HttpParams().set('pageSize', pageSize) });
  }

  markRead(id: string): Observable<AppNotification> {
    return this.http.post<AppNotification>(`${BASE}/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<NotificationUnreadCount> {
    return this.http.post<NotificationUnreadCount>(`${BASE}/read-all`, {});
  }
}
