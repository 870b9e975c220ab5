import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { GoogleLinkStatus } from '@core/api/api-types';
import { toApiProblem } from '@core/errors/api-error';
import { Notifier } from '@core/errors/notifier';
import { ConfirmDeleteData, ConfirmDeleteDialog } from '@shared/confirm-delete/confirm-delete-dialog';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';

const LINK = '/api/auth/google/link';

/**
 * Account settings, "Sign in with Google": which Google account signs me in, and unlinking it
 * (after a confirmation). An account made through Google is told to set a password first: the
 * server refuses to unlink it without one, since its owner could not sign in again.
 */
@Component({
  selector: 'app-google-sign-in-settings',
  imports: [DatePipe, MatButtonModule, RouterLink, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="google-title">
      <h2 id="google-title">Sign in with Google</h2>
      @if (loadError(); as message) {
        <app-error-state [message]="message" (retry)="load()" />
      } @else if (status(); as s) {
        @if (s.linked) {
          <p class="section__intro">
            Your Google account <strong>{{ s.googleEmail }}</strong> signs you in to this account.
            @if (s.lastSignInAt) {
              Last used {{ s.lastSignInAt | date: 'd MMMM y, HH:mm' }}.
            }
          </p>
          @if (s.canUnlink) {
            <p>Unlink it to sign in only with your email address and password.</p>
            <button mat-stroked-button type="button" (click)="confirmUnlink(s.googleEmail)">Unlink Google</button>
          } @else {
            <p class="google__needs-password" role="note">
              Your account was made with Google and has no password yet, so unlinking Google would lock you out.
              <a routerLink="/forgot-password">Set a password by email</a> first, then come back here.
            </p>
          }
        } @else {
          <p class="section__intro">
            No Google account is linked.
            @if (s.configured) {
              To link one, sign out and choose "Sign in with Google" on the sign-in page: you will be asked for this
              account's password once.
            }
          </p>
        }
      } @else {
        <app-loading-state label="Loading your Google sign-in…" />
      }
    </section>
  `,
})
export class GoogleSignInSettings {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly status = signal<GoogleLinkStatus | null>(null);
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.status.set(null);
    this.http.get<GoogleLinkStatus>(LINK).subscribe({
      next: (status) => this.status.set(status),
      error: (error: unknown) => this.loadError.set(toApiProblem(error).message),
    });
  }

  protected confirmUnlink(googleEmail: string | null): void {
    const data: ConfirmDeleteData = {
      title: 'Unlink Google?',
      body: `${googleEmail ?? 'Your Google account'} will no longer sign you in. You will sign in with your email address and password.`,
      keepLabel: 'Keep it linked',
      confirmLabel: 'Unlink Google',
      busyLabel: 'Unlinking…',
      remove: () => this.http.delete<void>(LINK),
    };
    this.dialog
      .open(ConfirmDeleteDialog, { data })
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.notifier.success('Google no longer signs you in.');
        this.load();
      });
  }
}
