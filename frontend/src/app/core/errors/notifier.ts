import { Injectable, Injector, inject } from '@angular/core';
import type { MatSnackBar, MatSnackBarConfig } from '@angular/material/snack-bar';

/**
 * Short messages at the bottom of the screen. Material's snack bar is announced by screen readers.
 * Its code (and the overlay's) loads with the first message, not in the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private snackBar: Promise<MatSnackBar> | null = null;

  success(message: string): void {
    this.show(message, { duration: 5000, politeness: 'polite' });
  }

  error(message: string): void {
    this.show(message, { duration: 10000, politeness: 'assertive', panelClass: 'snackbar-error' });
  }

  private show(message: string, config: MatSnackBarConfig): void {
    this.snackBar ??= import('@angular/material/snack-bar').then((m) => this.injector.get(m.MatSnackBar));
    this.snackBar.then(
      (snackBar) => snackBar.open(message, 'Dismiss', config),
      (error: unknown) => {
        // Its code could not be fetched (offline?): try again with the next message. Not reported
        // through the error handler, which would answer with another message.
        this.snackBar = null;
        console.error(message, error);
      },
    );
  }
}
