import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { MaintenanceNotice } from '@core/maintenance/maintenance-notice';
import { formatUkDate } from '@shared/dates/uk-date';

const CHECK_EVERY_MS = 30_000;

/**
 * `/maintenance`: what users see while the platform is in maintenance mode, with the admins'
 * message. It checks every half minute and takes the user back once the platform is open again.
 */
@Component({
  selector: 'app-maintenance-page',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <main class="maintenance" aria-labelledby="maintenance-title">
      <mat-icon class="maintenance__icon" aria-hidden="true">construction</mat-icon>
      <h1 id="maintenance-title" tabindex="-1" #title>We'll be back soon</h1>
      <p class="maintenance__message" role="status">{{ message() }}</p>
      @if (expectedEndAt(); as end) {
        <p class="muted">Expected back by {{ end }}.</p>
      }
      <div class="maintenance__actions">
        <button mat-flat-button type="button" (click)="checkAgain()" [disabled]="checking()" disabledInteractive>
          <mat-icon aria-hidden="true">refresh</mat-icon>
          {{ checking() ? 'Checking…' : 'Try again' }}
        </button>
        <a mat-button routerLink="/login">Staff sign in</a>
      </div>
    </main>
  `,
  styles: `
    .maintenance {
      max-width: 560px;
      margin: 64px auto;
      padding: 0 16px;
      text-align: center;
    }
    .maintenance__icon {
      font-size: 56px;
      width: 56px;
      height: 56px;
      color: var(--mat-sys-primary);
    }
    .maintenance__message {
      font: var(--mat-sys-body-large);
    }
    .maintenance__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 12px;
      margin-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaintenancePage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly notice = inject(MaintenanceNotice);
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  protected readonly message = signal(
    this.notice.message() ?? 'Childminder Connect is down for maintenance. Please try again shortly.',
  );
  protected readonly expectedEndAt = signal<string | null>(null);
  protected readonly checking = signal(false);

  constructor() {
    afterNextRender(() => this.title().nativeElement.focus());
    const timer = setInterval(() => this.checkAgain(), CHECK_EVERY_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    this.checkAgain();
  }

  protected checkAgain(): void {
    this.checking.set(true);
    this.api.get('/api/system/maintenance').subscribe({
      next: (state) => {
        this.checking.set(false);
        if (!state.enabled) {
          void this.router.navigateByUrl(this.notice.returnUrl);
          return;
        }
        this.message.set(state.message);
        this.expectedEndAt.set(state.expectedEndAt ? formatUkDate(state.expectedEndAt) : null);
      },
      error: () => this.checking.set(false),
    });
  }
}
