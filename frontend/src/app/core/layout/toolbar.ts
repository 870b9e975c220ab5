import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { AccountMenu } from './account-menu';
import { PRODUCT_NAME } from './title-strategy';
import { VisitorMenu } from './visitor-menu';

@Component({
  selector: 'app-toolbar',
  imports: [RouterLink, MatToolbarModule, MatIconModule, AccountMenu, VisitorMenu],
  templateUrl: './toolbar.html',
  styleUrl: './toolbar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Toolbar {
  private readonly auth = inject(AuthService);

  protected readonly productName = PRODUCT_NAME;
  protected readonly signedIn = computed(() => this.auth.user() !== null);
  protected readonly homeUrl = this.auth.homeUrl;
}
