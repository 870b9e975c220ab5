import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '@core/auth/auth';
import { toApiProblem } from '@core/errors/api-error';
import { ConfirmDeleteDialog, type ConfirmDeleteData } from '@shared/confirm-delete/confirm-delete-dialog';
import { UkDatePipe } from '@shared/dates/uk-date';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { LoadableFor } from '@shared/loadable/loadable';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type AdminUserDetail, AdminPeopleApi, ROLE_LABELS, STATUS_LABELS } from './admin-users-api';

const entries = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0);

/**
 * `/admin/users/:userId`: who they are, where they are signed in, what they have (bookings,
 * documents, subscription, tickets), their recent activity; suspend or reactivate, send a reset
 * link, erase. Each action asks first and is audited.
 */
@Component({
  selector: 'app-user-detail',
  imports: [RouterLink, MatButtonModule, MatIconModule, UkDatePipe, FormAlert, ErrorState, LoadingState],
  template: `
    <div class="page page--medium">
      <a class="back-link" routerLink="/admin/users">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to users
      </a>
      @if (detail.error(); as message) {
        <app-error-state title="We couldn't load this user" [message]="message" (retry)="detail.reload()" />
      } @else if (detail.value(); as d) {
        <h1 tabindex="-1" id="user-heading">{{ d.user.displayName }}</h1>
        <p class="muted">
          {{ roleLabels[d.user.role] }} ·
          <span [class]="'status--' + d.user.status">{{ statusLabels[d.user.status] }}</span>
        </p>
        <app-form-alert [kind]="result()?.kind ?? 'success'" [message]="result()?.message ?? null" />

        @if (d.user.status !== 'erased' && d.user.id !== selfId) {
          <div class="actions" role="group" aria-label="Account actions">
            @if (d.user.status === 'active') {
              <button mat-stroked-button type="button" (click)="suspend(d)">
                <mat-icon aria-hidden="true">block</mat-icon>
                Suspend
              </button>
            } @else {
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="reactivate(d)">
                <mat-icon aria-hidden="true">check_circle</mat-icon>
                Reactivate
              </button>
            }
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="sendResetLink(d)">
              <mat-icon aria-hidden="true">lock_reset</mat-icon>
              Send password reset link
            </button>
            <button mat-stroked-button type="button" class="danger-text" (click)="erase(d)">
              <mat-icon aria-hidden="true">delete_forever</mat-icon>
              Delete and erase
            </button>
          </div>
        }

        <section class="section" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <dl class="facts">
            <dt>Email</dt>
            <dd>{{ d.user.email }} {{ d.user.emailVerified ? '(confirmed)' : '(not confirmed)' }}</dd>
            <dt>Phone</dt>
            <dd>{{ d.user.phone ?? 'Not given' }}</dd>
            <dt>Postcode</dt>
            <dd>{{ d.user.postcode ?? 'Not given' }}</dd>
            <dt>Two-step verification</dt>
            <dd>{{ d.user.twoFactorEnabled ? 'On' : 'Off' }}</dd>
            <dt>Joined</dt>
            <dd>{{ d.user.createdAt | ukDate }}</dd>
            <dt>Last sign-in</dt>
            <dd>{{ d.user.lastLoginAt ? (d.user.lastLoginAt | ukDate) : 'Never' }}</dd>
            <dt>Bookings</dt>
            <dd>{{ describe(d.bookings) }}</dd>
            <dt>Documents</dt>
            <dd>{{ describe(d.documents) }}</dd>
            <dt>Subscription</dt>
            <dd>{{ d.subscription ? d.subscription.planName + ' (' + d.subscription.status + ')' : 'Free plan' }}</dd>
            <dt>Open support tickets</dt>
            <dd>{{ d.openTickets ?? 'Not available' }}</dd>
          </dl>
        </section>

        <section class="section" aria-labelledby="sessions-title">
          <h2 id="sessions-title">Signed in on</h2>
          @if (d.sessions.length) {
            <ul class="plain-list">
              @for (session of d.sessions; track session.id) {
                <li>
                  {{ session.userAgent ?? 'Unknown device' }} · {{ session.ip ?? 'unknown address' }} · since
                  {{ session.createdAt | ukDate }}
                </li>
              }
            </ul>
          } @else {
            <p class="muted">Not signed in anywhere.</p>
          }
        </section>

        <section class="section" aria-labelledby="activity-title">
          <h2 id="activity-title">Recent activity</h2>
          @if (d.activity.length) {
            <ul class="plain-list">
              @for (entry of d.activity; track entry.id) {
                <li>{{ entry.createdAt | ukDate }}: {{ entry.description }}</li>
              }
            </ul>
          } @else {
            <p class="muted">No activity yet.</p>
          }
        </section>
      } @else {
        <app-loading-state label="Loading the user…" />
      }
    </div>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 16px 0;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(120px, max-content) 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .plain-list {
      margin: 0;
      padding-left: 20px;
    }
    .status--suspended,
    .status--erased,
    .danger-text {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetail {
  private readonly api = inject(AdminPeopleApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  readonly userId = input.required<string>();
  protected readonly selfId = inject(AuthService).user()?.id;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly detail = new LoadableFor(this.userId, (id) => this.api.user(id));
  protected readonly busy = signal(false);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);

  protected describe(counts: Record<string, number>): string {
    const parts = entries(counts).map(([status, n]) => `${n} ${status.replace(/_/g, ' ')}`);
    return parts.length ? parts.join(', ') : 'None';
  }

  protected suspend(d: AdminUserDetail): void {
    this.confirm({
      title: `Suspend ${d.user.displayName}?`,
      body: 'They are signed out everywhere at once and cannot sign in until you reactivate the account.',
      keepLabel: 'Keep active',
      confirmLabel: 'Suspend',
      busyLabel: 'Suspending…',
      remove: () => this.api.updateUser(d.user.id, { status: 'suspended' }),
    }).subscribe((done) => done && this.done(`${d.user.displayName} is suspended and signed out everywhere.`));
  }

  protected reactivate(d: AdminUserDetail): void {
    this.busy.set(true);
    this.api.updateUser(d.user.id, { status: 'active' }).subscribe({
      next: () => this.done(`${d.user.displayName} can sign in again.`),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected sendResetLink(d: AdminUserDetail): void {
    this.busy.set(true);
    this.api.sendResetLink(d.user.id).subscribe({
      next: (response) => this.done(response.message),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected erase(d: AdminUserDetail): void {
    this.confirm({
      title: `Delete ${d.user.displayName} and erase their data?`,
      body:
        'Their personal data is removed from every part of the platform and their files are deleted. ' +
        'Bookings and payments are kept without their name. This cannot be undone.',
      keepLabel: 'Keep the account',
      confirmLabel: 'Delete and erase',
      busyLabel: 'Erasing…',
      remove: () => this.api.eraseUser(d.user.id),
    }).subscribe((done) => {
      if (done) void this.router.navigate(['/admin/users']);
    });
  }

  private confirm(data: ConfirmDeleteData) {
    return this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, { data, width: '480px' })
      .afterClosed();
  }

  private done(message: string): void {
    this.busy.set(false);
    this.result.set({ kind: 'success', message });
    this.detail.reload();
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.result.set({ kind: 'error', message: toApiProblem(error).message });
  }
}
