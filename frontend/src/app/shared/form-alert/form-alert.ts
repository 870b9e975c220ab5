import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

export type AlertKind = 'error' | 'success' | 'info';

/**
 * A message about the whole form or page. The live region is always in the DOM, so screen
 * readers announce the message when it appears.
 */
@Component({
  selector: 'app-form-alert',
  imports: [MatIconModule],
  template: `
    <div
      [attr.role]="kind() === 'error' ? 'alert' : 'status'"
      [attr.aria-live]="kind() === 'error' ? 'assertive' : 'polite'"
    >
      @if (message()) {
        <div [class]="'alert alert--' + kind()">
          <mat-icon class="alert__icon" aria-hidden="true">{{ icon() }}</mat-icon>
          <div class="alert__body">
            <p class="alert__message">{{ message() }}</p>
            <ng-content />
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .alert {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: var(--mat-sys-corner-medium);
    }
    .alert--error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .alert--success {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .alert--info {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .alert__icon {
      flex: none;
    }
    .alert__body {
      flex: 1;
      min-width: 0;
    }
    .alert__message {
      margin: 2px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormAlert {
  readonly message = input<string | null>(null);
  readonly kind = input<AlertKind>('error');

  protected icon(): string {
    switch (this.kind()) {
      case 'success':
        return 'check_circle';
      case 'info':
        return 'info';
      default:
        return 'error';
    }
  }
}
