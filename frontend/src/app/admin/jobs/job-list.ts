import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { UkDatePipe } from '@shared/dates/uk-date';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import { AdminJobsApi, type ScheduledJob } from './admin-jobs-api';
import { ConfirmRunDialog } from './confirm-run-dialog';
import { describeDuration, describeRunResult, OUTCOME_BADGES, OUTCOME_LABELS, summaryItems } from './job-format';

/**
 * `/admin/jobs`: the scheduled jobs the server registered, how their recent runs went, and
 * "Run now" for each (after a confirmation). The list of jobs comes from the server only.
 */
@Component({
  selector: 'app-job-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    UkDatePipe,
    FormAlert,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './job-list.html',
  styleUrl: './job-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobList {
  private readonly api = inject(AdminJobsApi);
  private readonly dialog = inject(MatDialog);

  protected readonly outcomeLabels = OUTCOME_LABELS;
  protected readonly outcomeBadges = OUTCOME_BADGES;
  protected readonly summaryItems = summaryItems;
  protected readonly describeDuration = describeDuration;

  protected readonly jobs = signal<ScheduledJob[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly refreshing = signal(false);
  /** Jobs this screen asked to run and is waiting for. */
  protected readonly running = signal<ReadonlySet<string>>(new Set());
  protected readonly runningNames = computed(() => [...this.running()].join(', '));
  /** What the last run asked for here did (or why it was refused), in a live region. */
  protected readonly runResult = signal<{ kind: AlertKind; message: string } | null>(null);
  private requests = 0;

  constructor() {
    this.loadJobs();
  }

  protected loadJobs(): void {
    this.loadError.set(null);
    this.jobs.set(null);
    this.fetch();
  }

  /** Reads the list again, keeping the table on screen meanwhile. */
  protected refreshJobs(): void {
    this.refreshing.set(true);
    this.fetch();
  }

  protected confirmRun(job: ScheduledJob): void {
    if (this.running().has(job.name)) return;
    this.dialog
      .open<ConfirmRunDialog, ScheduledJob, boolean>(ConfirmRunDialog, {
        data: job,
        width: '480px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.runJob(job);
      });
  }

  private runJob(job: ScheduledJob): void {
    this.running.update((names) => new Set([...names, job.name]));
    this.runResult.set(null);
    const finished = () => this.running.update((names) => new Set([...names].filter((name) => name !== job.name)));
    this.api.run(job.name).subscribe({
      next: (run) => {
        finished();
        this.runResult.set(describeRunResult(run));
        this.refreshJobs();
      },
      error: (error: unknown) => {
        finished();
        this.runResult.set({ kind: 'error', message: toApiProblem(error).message });
        this.refreshJobs();
      },
    });
  }

  private fetch(): void {
    // Only the latest request's answer counts: an older one may miss a run that just finished.
    const request = ++this.requests;
    this.api.list().subscribe({
      next: (list) => {
        if (request !== this.requests) return;
        this.refreshing.set(false);
        this.jobs.set(list.jobs);
      },
      error: (error: unknown) => {
        if (request !== this.requests) return;
        this.refreshing.set(false);
        // A failed refresh keeps the table; only a first load shows the error page.
        if (this.jobs() === null) this.loadError.set(toApiProblem(error).message);
        else this.runResult.set({ kind: 'error', message: toApiProblem(error).message });
      },
    });
  }
}
