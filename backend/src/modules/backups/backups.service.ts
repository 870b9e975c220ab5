import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthContext } from '@app/common/auth/auth-context';
import { PageQuery, toPage } from '@app/common/pagination/page';
import { AppConfig } from '@app/config/app-config';
import { AuditService } from '@app/modules/audit/audit.service';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { RealtimeService } from '@app/modules/realtime/realtime.service';
import { MaintenanceService } from '@app/modules/system/maintenance.service';
import { removeQuietly } from './archive/backup-archive';
import { BackupEngine } from './backup-engine';
import { BackupRunsRepository } from './backup-runs.repository';
import { cronProblem, nextRun, scheduleCron } from './backup-schedule';
import { BackupsErrorCode, BackupsException } from './backups.exception';
import {
  BackupHistoryResponse,
  BackupRunResponse,
  BackupScheduleResponse,
  RESTORE_CONFIRMATION,
  TriggerBackupDto,
  UpdateBackupScheduleDto,
} from './dto/backups.dto';
import { BackupKind, BackupRun, BackupStatus, BackupTrigger } from './entities/backup-run.entity';
import { BackupFrequency, BackupSchedule } from './entities/backup-schedule.entity';

/** One backup or restore at a time in the whole cluster. */
const LEASE = 'backup-or-restore';
const LEASE_MS = 30 * 60_000;
const DEFAULT_SCHEDULE: Omit<BackupSchedule, 'id' | 'updatedAt'> = {
  frequency: BackupFrequency.Off,
  time: '02:00',
  weekday: null,
  cron: null,
  retention: 7,
  lastScheduledFor: null,
  updatedBy: null,
};

/**
 * Backups as admins run them: the history, the schedule, "back up now" and "restore this
 * backup". The work runs in the background under a cluster-wide lease; its progress is kept on
 * the run, pushed live to the admin who started it, and read by the history.
 */
@Injectable()
export class BackupsService implements OnModuleInit {
  private readonly logger = new Logger(BackupsService.name);
  /** Progress of the runs this instance is doing, fresher than their rows. */
  private readonly live = new Map<string, BackupRun>();

  constructor(
    private readonly engine: BackupEngine,
    private readonly runs: BackupRunsRepository,
    private readonly jobs: JobsService,
    private readonly maintenance: MaintenanceService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // A run that was going when its server stopped will never finish: say so in the history.
    await this.runs.failAbandoned(new Date(Date.now() - LEASE_MS), new Date()).catch(() => undefined);
  }

  async history(query: PageQuery): Promise<BackupHistoryResponse> {
    const [rows, total] = await this.runs.page(query.skip, query.pageSize);
    const items = rows.map((row) => toBackupRunResponse(this.live.get(row.id) ?? row));
    return { ...toPage(items, total, query), backupDir: this.config.backupDir };
  }

  async getSchedule(): Promise<BackupScheduleResponse> {
    return toScheduleResponse(await this.schedule());
  }

  async setSchedule(
    auth: AuthContext,
    dto: UpdateBackupScheduleDto,
    ip: string | null,
  ): Promise<BackupScheduleResponse> {
    const before = await this.schedule();
    const change = {
      frequency: dto.frequency,
      time: dto.time ?? before.time,
      weekday: dto.frequency === BackupFrequency.Weekly ? (dto.weekday ?? null) : null,
      cron: dto.frequency === BackupFrequency.Cron ? (dto.cron?.trim() ?? null) : null,
      retention: dto.retention,
    };
    if (change.frequency === BackupFrequency.Weekly && change.weekday === null) {
      throw new BackupsException(BackupsErrorCode.ScheduleInvalid, 'Choose the day of the week for weekly backups', [
        { field: 'weekday', message: 'required for weekly backups' },
      ]);
    }
    if (change.frequency === BackupFrequency.Cron) {
      const problem = change.cron ? cronProblem(change.cron) : 'required for a cron schedule';
      if (problem) {
        throw new BackupsException(BackupsErrorCode.ScheduleInvalid, `The cron expression cannot be used: ${problem}`, [
          { field: 'cron', message: problem },
        ]);
      }
    }
    // Scheduled times before this change are not owed a run.
    await this.runs.transaction(async (manager) => {
      await this.runs.saveSchedule({ ...change, lastScheduledFor: new Date(), updatedBy: auth.userId }, manager);
      await this.audit.record(
        auth,
        {
          action: 'backup.schedule.updated',
          subjectType: 'backup_schedule',
          metadata: { frequency: change.frequency, cron: scheduleCron(change), retention: change.retention },
          ip,
        },
        manager,
      );
    });
    return this.getSchedule();
  }

  async trigger(auth: AuthContext, dto: TriggerBackupDto, ip: string | null): Promise<BackupRunResponse> {
    if (dto.action === 'backup') {
      const run = await this.start(BackupKind.Backup, BackupTrigger.Manual, auth, null);
      await this.audit.record(auth, { action: 'backup.started', subjectType: 'backup', subjectId: run.id, ip });
      return toBackupRunResponse(run);
    }
    if (dto.confirm !== RESTORE_CONFIRMATION) {
      throw new BackupsException(
        BackupsErrorCode.ConfirmationMismatch,
        `Type ${RESTORE_CONFIRMATION} to confirm: a restore replaces all data and files`,
        [{ field: 'confirm', message: `must be ${RESTORE_CONFIRMATION}` }],
      );
    }
    const source = await this.requireRestorable(dto.backupId!);
    const run = await this.start(BackupKind.Restore, BackupTrigger.Manual, auth, source);
    await this.audit.record(auth, {
      action: 'backup.restore.started',
      subjectType: 'backup',
      subjectId: source.id,
      metadata: { restoreRunId: run.id, fileName: source.fileName },
      ip,
    });
    return toBackupRunResponse(run);
  }

  /** The schedule job's work: a backup if one is due (once per scheduled time), then retention. */
  async runScheduledIfDue(now = new Date()): Promise<{ started: boolean; runId?: string }> {
    const schedule = await this.schedule();
    const due = nextRun(schedule, schedule.lastScheduledFor ?? schedule.updatedAt ?? now);
    if (!due || due > now) return { started: false };
    await this.runs.markScheduled(now);
    const run = await this.start(BackupKind.Backup, BackupTrigger.Scheduled, null, null);
    await this.finished(run.id);
    return { started: true, runId: run.id };
  }

  /** Resolves when the run this instance started has ended (tests and the schedule wait on it). */
  async finished(runId: string): Promise<BackupRunResponse> {
    await this.running.get(runId);
    const row = await this.runs.findById(runId);
    if (!row) throw new BackupsException(BackupsErrorCode.NotFound, 'No such backup run');
    return toBackupRunResponse(row);
  }

  private readonly running = new Map<string, Promise<unknown>>();

  private async requireRestorable(id: string): Promise<BackupRun> {
    const run = await this.runs.findById(id);
    if (
      !run ||
      run.kind !== BackupKind.Backup ||
      run.status !== BackupStatus.Succeeded ||
      run.prunedAt ||
      !run.fileName
    ) {
      throw new BackupsException(BackupsErrorCode.NotFound, 'No kept, successful backup has that id');
    }
    return run;
  }

  /**
   * Takes the cluster-wide lease, records the run and goes on in the background; answers once the
   * run is recorded, or refuses when another backup or restore holds the lease.
   */
  private async start(
    kind: BackupKind,
    trigger: BackupTrigger,
    auth: AuthContext | null,
    source: BackupRun | null,
  ): Promise<BackupRun> {
    let announce!: (run: BackupRun | 'busy' | Error) => void;
    const started = new Promise<BackupRun | 'busy' | Error>((resolve) => (announce = resolve));
    const work = this.jobs
      .runExclusive(LEASE, LEASE_MS, async () => {
        const run = Object.assign(new BackupRun(), {
          kind,
          trigger,
          status: BackupStatus.Running,
          fileName: kind === BackupKind.Backup ? null : source!.fileName,
          sizeBytes: null,
          durationMs: null,
          startedById: auth?.userId ?? null,
          startedByEmail: auth?.email ?? null,
          startedAt: new Date(),
          finishedAt: null,
          progress: 0,
          phase: 'Starting',
          error: null,
          schemaVersion: null,
          rowCount: null,
          prunedAt: null,
          sourceRunId: source?.id ?? null,
        });
        if (kind === BackupKind.Backup) run.fileName = archiveName(run);
        try {
          await this.runs.insert(run);
        } catch (error) {
          announce(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
        this.live.set(run.id, run);
        announce(run);
        await (kind === BackupKind.Backup ? this.backup(run) : this.restore(run, source!));
        return { runId: run.id, status: run.status };
      })
      .then((jobRun) => {
        if (!jobRun) announce('busy');
      })
      .catch((error: unknown) => announce(error instanceof Error ? error : new Error(String(error))));
    const outcome = await started;
    if (outcome === 'busy') {
      throw new BackupsException(
        BackupsErrorCode.Busy,
        'A backup or restore is running already; try again when it ends',
      );
    }
    if (outcome instanceof Error) throw outcome;
    this.running.set(outcome.id, work);
    void work.finally(() => this.running.delete(outcome.id));
    return outcome;
  }

  private async backup(run: BackupRun): Promise<void> {
    try {
      const outcome = await this.engine.backup(run.id, run.fileName!, (percent, phase) =>
        this.progress(run, percent, phase),
      );
      Object.assign(run, outcome);
      await this.finish(run, BackupStatus.Succeeded, null);
      await this.applyRetention();
    } catch (error) {
      this.logger.error({ err: error, runId: run.id }, 'Backup failed');
      await unlink(this.engine.archivePath(run.fileName!)).catch(() => undefined);
      await this.finish(run, BackupStatus.Failed, error);
    }
  }

  private async restore(run: BackupRun, source: BackupRun): Promise<void> {
    const workDir = join(this.config.backupDir, `.restore-${run.id}`);
    const before = this.maintenance.current;
    let maintenanceOn = false;
    let failure: unknown = null;
    try {
      await this.progress(run, 5, 'Verifying the archive and its checksums');
      const manifest = await this.engine.verify(source.fileName!, workDir);
      run.schemaVersion = manifest.schemaVersion;
      await this.progress(run, 20, 'Entering maintenance mode');
      await this.maintenance.set(
        {
          enabled: true,
          message: before.enabled
            ? before.message
            : 'We are restoring data. Childminder Connect will be back in a few minutes.',
          expectedEndAt: before.expectedEndAt,
        },
        run.startedById,
      );
      maintenanceOn = true;
      run.rowCount = await this.engine.restore(manifest, workDir, run.id, (percent, phase, persist) =>
        this.progress(run, percent, phase, persist),
      );
    } catch (error) {
      failure = error;
      this.logger.error({ err: error, runId: run.id }, 'Restore failed');
    } finally {
      await removeQuietly(workDir);
    }
    if (maintenanceOn) {
      // Back to how the admin had it (off, unless they had turned it on themselves), before the
      // run reads as finished.
      await this.maintenance
        .set({ enabled: before.enabled, message: before.message, expectedEndAt: before.expectedEndAt }, run.startedById)
        .catch((error: unknown) =>
          this.logger.error({ err: error }, 'Could not leave maintenance mode after a restore'),
        );
    }
    await this.finish(run, failure ? BackupStatus.Failed : BackupStatus.Succeeded, failure);
  }

  /** Keeps the newest `retention` successful backups' archives; deletes older ones. */
  private async applyRetention(): Promise<void> {
    const { retention } = await this.schedule();
    const kept = await this.runs.keptArchives();
    for (const old of kept.slice(retention)) {
      await unlink(this.engine.archivePath(old.fileName!)).catch(() => undefined);
      await this.runs.update(old.id, { prunedAt: new Date() });
    }
  }

  private async progress(run: BackupRun, percent: number, phase: string, persist = true): Promise<void> {
    const moved = percent - run.progress >= 5 || phase.split(' ')[0] !== run.phase.split(' ')[0];
    run.progress = Math.max(run.progress, Math.min(99, percent));
    run.phase = phase;
    if (persist && moved) await this.persist(run);
  }

  private async finish(run: BackupRun, status: BackupStatus, error: unknown): Promise<void> {
    run.status = status;
    run.finishedAt = new Date();
    run.durationMs = run.finishedAt.getTime() - run.startedAt.getTime();
    run.progress = status === BackupStatus.Succeeded ? 100 : run.progress;
    run.phase = status === BackupStatus.Succeeded ? 'Finished' : 'Failed';
    run.error = error ? (error instanceof Error ? error.message : String(error)).slice(0, 1000) : null;
    await this.persist(run);
    this.live.delete(run.id);
  }

  /** Writes the run's state and tells the admin who started it. Never fails the run itself. */
  private async persist(run: BackupRun): Promise<void> {
    try {
      await this.runs.update(run.id, {
        status: run.status,
        progress: run.progress,
        phase: run.phase.slice(0, 200),
        error: run.error,
        finishedAt: run.finishedAt,
        durationMs: run.durationMs,
        sizeBytes: run.sizeBytes,
        rowCount: run.rowCount,
        schemaVersion: run.schemaVersion,
      });
    } catch (error) {
      this.logger.warn({ err: error, runId: run.id }, 'Could not record backup progress');
    }
    if (!run.startedById) return;
    await this.realtime
      .publish([run.startedById], {
        type: 'backup.progress',
        data: {
          run: {
            id: run.id,
            kind: run.kind,
            status: run.status,
            progress: run.progress,
            phase: run.phase,
            error: run.error,
          },
        },
      })
      .catch(() => undefined);
  }

  private async schedule(): Promise<BackupSchedule> {
    return (
      (await this.runs.findSchedule()) ?? Object.assign(new BackupSchedule(), { id: 'default', ...DEFAULT_SCHEDULE })
    );
  }
}

function archiveName(run: BackupRun): string {
  const stamp = run.startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `cmc-backup-${stamp}-${run.id.slice(0, 8)}.tar.gz`;
}

export function toBackupRunResponse(run: BackupRun): BackupRunResponse {
  return {
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    fileName: run.fileName,
    sizeBytes: run.sizeBytes,
    durationMs: run.durationMs,
    startedById: run.startedById,
    startedByEmail: run.startedByEmail,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    progress: run.progress,
    phase: run.phase,
    error: run.error,
    schemaVersion: run.schemaVersion,
    rowCount: run.rowCount,
    sourceRunId: run.sourceRunId,
    restorable:
      run.kind === BackupKind.Backup && run.status === BackupStatus.Succeeded && !run.prunedAt && !!run.fileName,
  };
}

function toScheduleResponse(schedule: BackupSchedule): BackupScheduleResponse {
  return {
    frequency: schedule.frequency,
    time: schedule.time,
    weekday: schedule.weekday,
    cron: schedule.cron,
    retention: schedule.retention,
    nextRunAt: nextRun(schedule, new Date())?.toISOString() ?? null,
    updatedAt: schedule.updatedAt?.toISOString() ?? null,
  };
}
