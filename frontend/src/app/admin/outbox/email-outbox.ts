import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ApiClient } from '@core/api/api-client';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { components } from '@core/api/schema';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { FormAlert } from '@shared/form-alert/form-alert';
import { PagedList, PageRows } from '@shared/paged-list/paged-list';
import { PagedListState } from '@shared/paged-list/paged-list-state';

type OutboxEmail = components['schemas']['OutboxEmailResponse'];
type OutboxEmailDetail = components['schemas']['OutboxEmailDetailResponse'];
type OutboxPage = components['schemas']['OutboxPageResponse'];
type OutboxStatus = OutboxEmail['status'];

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Waiting to send', sent: 'Sent', dead: 'Failed' };

/** `/admin/email-outbox`: every email the platform queued, newest first; open one to read it (audited). */
@Component({
  selector: 'app-email-outbox',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PagedList,
    PageRows,
    UkDatePipe,
    FormAlert,
  ],
  template: `
    <div class="page">
      <a class="back-link" routerLink="/admin">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Back to the dashboard
      </a>
      <h1>Email outbox</h1>
      <p class="muted">What the platform has emailed, or is about to. Opening an email is recorded in the audit log.</p>
      <form class="filters" (ngSubmit)="list.firstPage()" aria-label="Filter emails">
        <mat-form-field appearance="outline">
          <mat-label>Status</mat-label>
          <mat-select [(ngModel)]="status" name="status">
            <mat-option value="">Any</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ labels[s] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>To (start of the address)</mat-label>
          <input matInput [(ngModel)]="to" name="to" type="search" autocomplete="off" />
        </mat-form-field>
        <button mat-stroked-button type="submit">
          <mat-icon aria-hidden="true">filter_list</mat-icon>
          Apply
        </button>
      </form>
      <app-form-alert [message]="openError()" />
      @if (opened(); as email) {
        <section class="section" aria-labelledby="email-title">
          <h2 id="email-title" tabindex="-1">{{ email.subject }}</h2>
          <p class="muted">To {{ email.toAddress }} · {{ labels[email.status] }} · {{ email.createdAt | ukDate }}</p>
          @if (email.lastError) {
            <p class="error-text">Last error: {{ email.lastError }}</p>
          }
          <pre class="email-text">{{ email.text }}</pre>
          <button mat-button type="button" (click)="opened.set(null)">Close</button>
        </section>
      }
      <app-paged-list
        [list]="list"
        errorTitle="We couldn't load the outbox"
        loadingLabel="Loading emails…"
        emptyIcon="mail"
        emptyTitle="No emails match"
        paginatorLabel="Pages of emails"
      >
        <ng-template [appPageRows]="list.value()" let-items>
          <ul class="emails" aria-label="Emails">
            @for (email of items; track email.id) {
              <li class="email card-surface">
                <div>
                  <button mat-button type="button" class="email__subject" (click)="open(email)">
                    {{ email.subject }}
                  </button>
                  <p class="muted">To {{ email.toAddress }} · {{ email.createdAt | ukDate }}</p>
                </div>
                <span [class]="'status--' + email.status">{{ labels[email.status] }}</span>
              </li>
            }
          </ul>
        </ng-template>
      </app-paged-list>
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: baseline;
    }
    .emails {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .email {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 16px;
      padding: 8px 16px;
      p {
        margin: 0 0 0 12px;
      }
    }
    .email__subject {
      text-align: left;
    }
    .email-text {
      white-space: pre-wrap;
      font: inherit;
    }
    .status--dead,
    .error-text {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailOutbox {
  private readonly api = inject(ApiClient);

  protected readonly statuses = Object.keys(STATUS_LABELS) as OutboxStatus[];
  protected readonly labels = STATUS_LABELS;
  protected status: OutboxStatus | '' = '';
  protected to = '';
  protected readonly opened = signal<OutboxEmailDetail | null>(null);
  protected readonly openError = signal<string | null>(null);
  protected readonly list = new PagedListState<OutboxEmail, OutboxPage>(({ page, pageSize }) => {
    return this.api.get('/api/admin/email-outbox', {
      query: { page, pageSize, status: this.status || undefined, to: this.to.trim() || undefined },
    });
  });

  constructor() {
    this.list.reload();
  }

  protected open(email: OutboxEmail): void {
    this.openError.set(null);
    this.api.get('/api/admin/email-outbox/{id}', { path: { id: email.id } }).subscribe({
      next: (detail) => {
        this.opened.set(detail);
        setTimeout(() => document.getElementById('email-title')?.focus());
      },
      error: (error: unknown) => this.openError.set(toApiProblem(error).message),
    });
  }
}
