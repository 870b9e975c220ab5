import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** A failed load, with the reason and a way to try again. */
@Component({
  selector: 'app-error-state',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="error" role="alert">
      <mat-icon class="error__icon" aria-hidden="true">cloud_off</mat-icon>
      <h2 class="error__title">{{ title() }}</h2>
      <p>{{ message() }}</p>
      <button mat-stroked-button type="button" (click)="retry.emit()">
        <mat-icon aria-hidden="true">refresh</mat-icon>
        Try again
      </button>
    </div>
  `,
  styles: `
    .error {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 40px 16px;
      gap: 4px;
    }
    .error__icon {
      font-size: 40px;
      width: 40px;
      height: 40px;
      color: var(--mat-sys-error);
    }
    .error__title {
      margin: 8px 0 0;
    }
    p {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      max-width: 48ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorState {
  readonly title = input("We couldn't load this page");
  readonly message = input.required<string>();
  readonly retry = output<void>();
}
