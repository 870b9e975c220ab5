import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { ChatStatusService } from '@core/auth/chat-status';
import { STAFF_ROLES, roleLabel } from '@core/auth/roles';
import { Notifier } from '@core/errors/notifier';
import { ChatStatusMenu } from './chat-status-menu';
import { NotificationBell } from './notification-bell';
import { PRODUCT_NAME } from './title-strategy';

@Component({
  selector: 'app-toolbar',
  imports: [
    RouterLink,
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatDividerModule,
    ChatStatusMenu,
    NotificationBell,
  ],
  templateUrl: './toolbar.html',
  styleUrl: './toolbar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Toolbar {
  private readonly auth = inject(AuthService);
  private readonly chatStatus = inject(ChatStatusService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly productName = PRODUCT_NAME;
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
