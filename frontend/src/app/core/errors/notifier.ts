import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

/** Short messages at the bottom of the screen. Material's snack bar is announced by screen readers. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 5000, politeness: 'polite' });
  }

  error(message: string): void {
    this.snackBar.open(message, 'Dismiss', {
      duration: 10000,
      politeness: 'assertive',
      panelClass: 'snackbar-error',
    });
  }
}
