import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { type LogFilters, type LogPage, type LogSeverity, OperationsApi } from '../operations/operations-api';

const SEVERITIES: readonly { value: LogSeverity; label: string }[] = [
  { value: 'error', label: 'Errors' },
  { value: 'fatal', label: 'Fatal errors' },
  { value: 'warn', label: 'Warnings' },
  { value: 'audit', label: 'Audit events' },
];

/** `datetime-local` text (UK time as typed) to an ISO instant; empty stays empty. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');

/**
 * `/admin/logs`: persisted warnings, errors and audit events, newest first, filtered by severity,
 * source, user, request id, text and dates. The filters live in the address, so a request id
 * from an error report opens its lines: `/admin/logs?requestId=...`.
 */
@Component({
  selector: 'app-log-viewer',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    UkDatePipe,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './log-viewer.html',
  styleUrl: './log-viewer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogViewer {
  private readonly api = inject(OperationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly results = viewChild<ElementRef<HTMLElement>>('results');

  protected readonly severities = SEVERITIES;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    severity: '' as LogSeverity | '',
    source: '',
    userId: '',
    requestId: '',
    q: '',
    from: '',
    to: '',
  });
  protected readonly page = signal<LogPage | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly loading = signal(false);
  private paging = { page: 1, pageSize: 25 };
  private requests = 0;

  constructor() {
    const params = this.route.snapshot.queryParamMap;
    this.form.patchValue({
      severity: (params.get('severity') as LogSeverity | null) ?? '',
      source: params.get('source') ?? '',
      userId: params.get('userId') ?? '',
      requestId: params.get('requestId') ?? '',
      q: params.get('q') ?? '',
    });
    this.load();
  }

  protected applyFilters(): void {
    this.paging = { ...this.paging, page: 1 };
    const { severity, source, userId, requestId, q } = this.form.getRawValue();
    // The address keeps the filters (not the dates), so a filtered view can be shared.
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        severity: severity || null,
        source: source || null,
        userId: userId || null,
        requestId: requestId || null,
        q: q || null,
      },
      replaceUrl: true,
    });
    this.load(true);
  }

  protected clearFilters(): void {
    this.form.reset();
    this.applyFilters();
  }

  /** A request id in a line shows every line of that request. */
  protected showRequest(requestId: string): void {
    this.form.reset({ requestId });
    this.applyFilters();
  }

  protected changePage(event: PageEvent): void {
    this.paging = { page: event.pageIndex + 1, pageSize: event.pageSize };
    this.load(true);
  }

  protected load(moveFocus = false): void {
    const request = ++this.requests;
    const { from, to, ...rest } = this.form.getRawValue();
    const filters: LogFilters = { ...rest, from: toInstant(from), to: toInstant(to), ...this.paging };
    this.loading.set(true);
    this.loadError.set(null);
    this.api.logs(filters).subscribe({
      next: (page) => {
        if (request !== this.requests) return;
        this.loading.set(false);
        this.page.set(page);
        if (moveFocus) setTimeout(() => this.results()?.nativeElement.focus());
      },
      error: (error: unknown) => {
        if (request !== this.requests) return;
        this.loading.set(false);
        this.loadError.set(toApiProblem(error).message);
      },
    });
  }

  protected detailsOf(details: Record<string, unknown> | null): { key: string; value: string }[] {
    return Object.entries(details ?? {}).map(([key, value]) => ({ key, value: String(value) }));
  }
}
