import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { ChatStatusService } from '@core/auth/chat-status';
import { STAFF_ROLES, roleLabel } from '@core/auth/roles';
import { Notifier } from '@core/errors/notifier';
import { ChatStatusMenu } from './chat-status-menu';
import { NotificationBell } from './notification-bell';

/**
 * The signed-in part of the toolbar: staff's chat status, the dashboard link, the notification
 * bell and the account menu. The toolbar defers it (`@defer`), so the menus and the overlay they
 * open are not in the initial bundle a visitor downloads.
 */
@Component({
  selector: 'app-account-menu',
  imports: [
    RouterLink,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    ChatStatusMenu,
    NotificationBell,
  ],
  templateUrl: './account-menu.html',
  styleUrl: './account-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountMenu {
  private readonly auth = inject(AuthService);
  private readonly chatStatus = inject(ChatStatusService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  protected readonly homeUrl = this.auth.homeUrl;
  protected readonly isStaff = computed(() => {
    const role = this.auth.role();
    return role !== null && STAFF_ROLES.includes(role);
  });
  protected readonly roleName = computed(() => {
    const role = this.auth.role();
    return role ? roleLabel(role) : '';
  });
  protected readonly initials = computed(() => {
    const user = this.user();
    if (!user) return '';
    return `${user.firstName.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase() || '?';
  });

  protected signOut(): void {
    this.auth.logout().subscribe(() => {
      this.chatStatus.reset();
      void this.router.navigateByUrl('/');
      this.notifier.success('You have signed out.');
    });
  }
}
