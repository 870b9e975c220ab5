import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { AuthService } from '@core/auth/auth';

/**
 * "Sign in with Google", shown only when the server has Google configured. A plain link: the
 * server sets its state cookie and sends the browser on to Google.
 */
@Component({
  selector: 'app-google-button',
  imports: [MatButtonModule],
  template: `
    @if (providers()?.google) {
      <div class="google">
        <p class="google__or" aria-hidden="true"><span>or</span></p>
        <a mat-stroked-button class="google__button full-width" href="/api/auth/google">Sign in with Google</a>
      </div>
    }
  `,
  styles: `
    .google {
      margin-top: 16px;
    }
    .google__or {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .google__or::before,
    .google__or::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoogleButton {
  protected readonly providers = toSignal(inject(AuthService).providers());
}
