import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '@core/errors/api-error';
import { RealtimeStream } from '@core/realtime/realtime-stream';
import { UkDatePipe, formatUkDate } from '@shared/dates/uk-date';
import { type AlertKind, FormAlert } from '@shared/form-alert/form-alert';
import { EmptyState } from '@shared/page-state/empty-state';
import { ErrorState } from '@shared/page-state/error-state';
import { LoadingState } from '@shared/page-state/loading-state';
import {
  type BackupFrequency,
  type BackupHistory,
  type BackupRun,
  type BackupSchedule,
  OperationsApi,
} from '../operations/operations-api';
import { describeMs, describeSize } from '../operations/operations-format';
import { RestoreDialog } from './restore-dialog';

/** While a run is going, the history is read this often (besides the live events). */
const POLL_MS = 1_500;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const STATUS_BADGES: Record<BackupRun['status'], { modifier: string; icon: string; label: string }> = {
  running: { modifier: 'badge--neutral', icon: 'autorenew', label: 'Running' },
  succeeded: { modifier: 'badge--ok', icon: 'check_circle', label: 'Succeeded' },
  failed: { modifier: 'badge--warn', icon: 'error', label: 'Failed' },
};

/**
 * `/admin/backups`: back up now, restore a backup (after typing RESTORE), the schedule, and the
 * history of every attempt with live progress bars.
 */
@Component({
  selector: 'app-backups-page',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    UkDatePipe,
    FormAlert,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './backups-page.html',
  styleUrl: './backups-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BackupsPage {
  private readonly api = inject(OperationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly historyHeading = viewChild<ElementRef<HTMLElement>>('historyHeading');

  protected readonly weekdays = WEEKDAYS;
  protected readonly statusBadges = STATUS_BADGES;
  protected readonly describeSize = describeSize;
  protected readonly describeMs = describeMs;
  protected readonly history = signal<BackupHistory | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly result = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly starting = signal(false);
  protected readonly running = computed(() => this.history()?.items.filter((r) => r.status === 'running') ?? []);

  protected readonly schedule = signal<BackupSchedule | null>(null);
  protected readonly scheduleResult = signal<{ kind: AlertKind; message: string } | null>(null);
  protected readonly savingSchedule = signal(false);
  protected readonly scheduleForm = inject(FormBuilder).nonNullable.group({
    frequency: 'off' as BackupFrequency,
    time: ['02:00', Validators.required],
    weekday: 0,
    cron: '',
    retention: [7, [Validators.required, Validators.min(1), Validators.max(365)]],
  });
  protected readonly frequency = signal<BackupFrequency>('off');
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** The runs this page started: when one ends, say how it went. */
  private readonly watched = new Set<string>();
  /** Their progress bars stay, full, once they end: the admin sees how the run finished. */
  protected readonly startedHere = signal<ReadonlySet<string>>(new Set());

  constructor() {
    this.loadHistory();
    this.loadSchedule();
    this.scheduleForm.controls.frequency.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((f) => this.frequency.set(f));
    inject(RealtimeStream)
      .events()
      .pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.type === 'backup.progress') this.applyProgress(event.data.run);
      });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pollTimer));
  }

  protected loadHistory(): void {
    this.api.backupHistory().subscribe({
      next: (history) => {
        this.loadError.set(null);
        this.history.set(history);
        this.announceFinished(history.items);
        this.schedulePoll();
      },
      error: (error: unknown) => {
        if (!this.history()) this.loadError.set(toApiProblem(error).message);
        this.schedulePoll();
      },
    });
  }

  protected backUpNow(): void {
    this.starting.set(true);
    this.result.set(null);
    this.api.backUpNow().subscribe({
      next: (run) => this.started(run, 'Backup started. The progress bar shows how far it has got.'),
      error: (error: unknown) => this.failedToStart(error),
    });
  }

  protected confirmRestore(backup: BackupRun): void {
    this.dialog
      .open<RestoreDialog, BackupRun, string>(RestoreDialog, {
        data: backup,
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((confirmation) => {
        if (!confirmation) return;
        this.starting.set(true);
        this.result.set(null);
        this.api.restore(backup.id, confirmation).subscribe({
          next: (run) =>
            this.started(run, 'Restore started: the archive is checked first, then the site goes into maintenance.'),
          error: (error: unknown) => this.failedToStart(error),
        });
      });
  }

  protected saveSchedule(): void {
    if (this.scheduleForm.invalid) {
      this.scheduleForm.markAllAsTouched();
      return;
    }
    const value = this.scheduleForm.getRawValue();
    this.savingSchedule.set(true);
    this.scheduleResult.set(null);
    this.api
      .saveBackupSchedule({
        frequency: value.frequency,
        time: value.time,
        retention: Number(value.retention),
        ...(value.frequency === 'weekly' ? { weekday: Number(value.weekday) } : {}),
        ...(value.frequency === 'cron' ? { cron: value.cron } : {}),
      })
      .subscribe({
        next: (schedule) => {
          this.savingSchedule.set(false);
          this.schedule.set(schedule);
          this.scheduleResult.set({ kind: 'success', message: describeSchedule(schedule) });
        },
        error: (error: unknown) => {
          this.savingSchedule.set(false);
          this.scheduleResult.set({ kind: 'error', message: toApiProblem(error).message });
        },
      });
  }

  protected describeSchedule = describeSchedule;

  private loadSchedule(): void {
    this.api.backupSchedule().subscribe({
      next: (schedule) => {
        this.schedule.set(schedule);
        this.frequency.set(schedule.frequency);
        this.scheduleForm.reset({
          frequency: schedule.frequency,
          time: schedule.time,
          weekday: schedule.weekday ?? 0,
          cron: schedule.cron ?? '',
          retention: schedule.retention,
        });
      },
      error: (error: unknown) => this.scheduleResult.set({ kind: 'error', message: toApiProblem(error).message }),
    });
  }

  private started(run: BackupRun, message: string): void {
    this.starting.set(false);
    this.watched.add(run.id);
    this.startedHere.update((ids) => new Set([...ids, run.id]));
    this.result.set({ kind: 'info', message });
    this.history.update((history) =>
      history
        ? { ...history, items: [run, ...history.items.filter((r) => r.id !== run.id)], total: history.total + 1 }
        : history,
    );
    setTimeout(() => this.historyHeading()?.nativeElement.focus());
    this.loadHistory();
  }

  private failedToStart(error: unknown): void {
    this.starting.set(false);
    this.result.set({ kind: 'error', message: toApiProblem(error).message });
  }

  private applyProgress(update: { id: string; status: string; progress: number; phase: string; error: string | null }) {
    this.history.update((history) =>
      history
        ? {
            ...history,
            items: history.items.map((run) =>
              run.id === update.id
                ? {
                    ...run,
                    status: update.status as BackupRun['status'],
                    progress: update.progress,
                    phase: update.phase,
                    error: update.error,
                  }
                : run,
            ),
          }
        : history,
    );
    if (update.status !== 'running') this.loadHistory();
  }

  private announceFinished(items: readonly BackupRun[]): void {
    for (const run of items) {
      if (!this.watched.has(run.id) || run.status === 'running') continue;
      this.watched.delete(run.id);
      const what = run.kind === 'backup' ? 'Backup' : 'Restore';
      this.result.set(
        run.status === 'succeeded'
          ? {
              kind: 'success',
              message:
                run.kind === 'backup'
                  ? `Backup finished: ${run.fileName} (${describeSize(run.sizeBytes)}).`
                  : 'Restore finished: the data and files are back as they were in the backup.',
            }
          : { kind: 'error', message: `${what} failed: ${run.error ?? 'unknown error'}` },
      );
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if (this.running().length > 0) this.pollTimer = setTimeout(() => this.loadHistory(), POLL_MS);
  }
}

/** "Daily at 02:00, keeping 7 backups; next on ...". */
export function describeSchedule(schedule: BackupSchedule): string {
  const keep = `keeping the newest ${schedule.retention}`;
  const next = schedule.nextRunAt ? `; next ${formatUkDate(schedule.nextRunAt)}` : '';
  switch (schedule.frequency) {
    case 'off':
      return 'Scheduled backups are off.';
    case 'daily':
      return `Daily at ${schedule.time} (UK time), ${keep}${next}.`;
    case 'weekly':
      return `Every ${WEEKDAYS[schedule.weekday ?? 0]} at ${schedule.time} (UK time), ${keep}${next}.`;
    case 'cron':
      return `On the cron schedule “${schedule.cron}” (UK time), ${keep}${next}.`;
  }
}
