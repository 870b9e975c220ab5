import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { logCapture } from '@app/common/logging/log-capture';
import { toPage } from '@app/common/pagination/page';
import { JobsService } from '@app/modules/jobs/jobs.service';
import { SettingsService } from '@app/modules/settings/settings.service';
import { LogEntryResponse, ListLogsQuery, LogPageResponse } from '../dto/logs.dto';
import { LogEntry, LogSeverity } from '../entities/log-entry.entity';
import { LogsRepository } from './logs.repository';

const FLUSH_MS = 2_000;

/**
 * Stores the warnings, errors and audit events the process captured (see LogCapture) every few
 * seconds, and serves them to the admin log viewer with filters.
 */
@Injectable()
export class LogsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LogsService.name);
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly logs: LogsRepository,
    private readonly jobs: JobsService,
    private readonly settings: SettingsService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Writes what was captured so far; concurrent calls wait for one another. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async list(query: ListLogsQuery): Promise<LogPageResponse> {
    await this.flush();
    const [rows, total] = await this.logs.search(query);
    return { ...toPage(rows.map(toLogEntryResponse), total, query), retentionDays: await this.retentionDays() };
  }

  retentionDays(): Promise<number> {
    return this.settings.get('logs.retentionDays');
  }

  async prune(now = new Date()): Promise<{ deleted: number }> {
    const days = await this.retentionDays();
    return { deleted: await this.logs.deleteBefore(new Date(now.getTime() - days * 86_400_000)) };
  }

  private async write(): Promise<void> {
    const captured = logCapture.drain();
    if (captured.length === 0) return;
    const entries = captured.map((line) =>
      Object.assign(new LogEntry(), {
        createdAt: line.time,
        severity: line.severity as LogSeverity,
        source: line.source.slice(0, 80),
        message: line.message.slice(0, 2000),
        requestId: line.requestId?.slice(0, 64) ?? null,
        userId: line.userId && line.userId.length <= 36 ? line.userId : null,
        instanceId: this.jobs.instanceId,
        details: boundDetails(line.details),
      }),
    );
    try {
      await this.logs.insert(entries);
    } catch (error) {
      // Never log at warn from here: that line would be captured and retried forever.
      this.logger.debug({ err: error }, `Dropped ${entries.length} log lines: the database refused them`);
    }
  }
}

/** Keeps a line's details to a few kilobytes: long values (stacks) are cut. */
function boundDetails(details: LogEntry['details']): LogEntry['details'] {
  if (!details) return null;
  const bounded: NonNullable<LogEntry['details']> = {};
  let budget = 6000;
  for (const [key, value] of Object.entries(details)) {
    if (budget <= 0) break;
    const kept = typeof value === 'string' ? value.slice(0, Math.min(budget, 3000)) : value;
    budget -= key.length + String(kept).length;
    bounded[key.slice(0, 100)] = kept;
  }
  return bounded;
}

export function toLogEntryResponse(entry: LogEntry): LogEntryResponse {
  return {
    id: entry.id,
    createdAt: entry.createdAt.toISOString(),
    severity: entry.severity,
    source: entry.source,
    message: entry.message,
    requestId: entry.requestId,
    userId: entry.userId,
    instanceId: entry.instanceId,
    details: entry.details,
  };
}
