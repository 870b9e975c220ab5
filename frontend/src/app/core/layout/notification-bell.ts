import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { EMPTY } from 'rxjs';
import { switchMap } from 'rxjs/operators';
import type { AppNotification } from '@core/api/api-types';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { NotificationsApi } from '@core/notifications/notifications-api';
import type { RealtimeEnvelope } from '@core/realtime/realtime-events';
import { RealtimeStream } from '@core/realtime/realtime-stream';
import { UkDatePipe } from '@shared/dates/uk-date';

/** How many of the newest notifications the menu lists. */
const RECENT = 10;

const ICONS: Record<string, string> = {
  message: 'chat',
  booking: 'event',
  document: 'description',
  billing: 'credit_card',
  compliance: 'verified_user',
  'last_minute.opening': 'bolt',
};

/**
 * The header's bell: the unread count, live over the realtime stream, and a menu of the newest
 * notifications. Choosing one marks it read and opens its page; "Mark all as read" clears the
 * count. The menu is a Material menu, so arrow keys, Enter and Escape work as expected.
 */
@Component({
  selector: 'app-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, UkDatePipe],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthService);
  private readonly stream = inject(RealtimeStream);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly items = signal<readonly AppNotification[] | null>(null);
  protected readonly unreadCount = signal(0);
  protected readonly loadError = signal<string | null>(null);
  /** Read out by screen readers when a notification arrives. */
  protected readonly announcement = signal('');

  protected readonly badge = computed(() => (this.unreadCount() > 99 ? '99+' : String(this.unreadCount())));
  protected readonly label = computed(() => {
    const count = this.unreadCount();
    return count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  });

  constructor() {
    const userId = computed(() => this.auth.user()?.id ?? null);
    // A new user (sign-in, sign-out, switching accounts) gets their own list and stream.
    toObservable(userId)
      .pipe(
        switchMap((id) => {
          this.items.set(null);
          this.unreadCount.set(0);
          if (!id) return EMPTY;
          this.loadNotifications();
          return this.stream.events();
        }),
        takeUntilDestroyed(),
      )
      .subscribe((event) => this.applyEvent(event));
  }

  protected loadNotifications(): void {
    this.loadError.set(null);
    this.api.recent(RECENT).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.unreadCount.set(page.unreadCount);
      },
      error: (error: unknown) => {
        this.loadError.set(toApiProblem(error).message);
        this.announcement.set("We couldn't load your notifications");
      },
    });
  }

  protected iconFor(notification: AppNotification): string {
    return ICONS[notification.type] ?? 'notifications';
  }

  protected openNotification(notification: AppNotification): void {
    if (!notification.readAt) {
      this.api.markRead(notification.id).subscribe({
        next: (read) => {
          this.items.update((list) => list?.map((n) => (n.id === read.id ? read : n)) ?? null);
          this.unreadCount.update((count) => Math.max(0, count - 1));
        },
        error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
      });
    }
    // Links are in-app paths written by the server; never navigate away from the app.
    if (notification.link?.startsWith('/')) void this.router.navigateByUrl(notification.link);
  }

  protected markAllRead(): void {
    this.api.markAllRead().subscribe({
      next: ({ unreadCount }) => {
        const at = new Date().toISOString();
        this.unreadCount.set(unreadCount);
        this.items.update((list) => list?.map((n) => (n.readAt ? n : { ...n, readAt: at })) ?? null);
        this.announcement.set('All notifications marked as read');
      },
      error: (error: unknown) => this.notifier.error(toApiProblem(error).message),
    });
  }

  private applyEvent(event: RealtimeEnvelope): void {
    if (event.type === 'stream.connected') {
      // Anything created between the first load and the stream listening is counted now.
      this.loadNotifications();
      return;
    }
    if (event.type === 'notifications.read') {
      // Read elsewhere: another tab, or by opening the conversation the entries are about.
      const { notificationIds, all, readAt, unreadCount } = event.data;
      const read = new Set(notificationIds);
      this.unreadCount.set(unreadCount);
      this.items.update(
        (list) =>
          list?.map((n) => (!n.readAt && (all ? n.createdAt <= readAt : read.has(n.id)) ? { ...n, readAt } : n)) ??
          null,
      );
      return;
    }
    if (event.type !== 'notification.created') return;
    const { notification, unreadCount } = event.data;
    this.unreadCount.set(unreadCount);
    this.items.update((list) =>
      list ? [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, RECENT) : list,
    );
    this.announcement.set(`New notification: ${notification.title}`);
  }
}
