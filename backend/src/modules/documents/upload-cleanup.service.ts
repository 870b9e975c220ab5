import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobRegistry } from '@app/modules/jobs/job-registry';
import { FileStorage, StorageArea } from '@app/modules/storage/file-storage';
import { DocumentsRepository } from './documents.repository';
import { DocumentChangeNotifier } from './document-changes.port';

export const UPLOAD_CLEANUP_JOB = 'uploads-cleanup';

/**
 * A file younger than this may belong to an upload whose record is not committed yet, so it is
 * not an orphan yet.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;
const BATCH = 200;

export interface CleanupSummary {
  [key: string]: number;
  orphanFilesRemoved: number;
  documentsWithoutFileRemoved: number;
  imagesWithoutFileRemoved: number;
}

/**
 * Keeps storage and the database in step: removes stored files that no document or profile
 * photo refers to (left by a crash between writing and recording, or a failed delete), and
 * records whose file is gone. Each removal is logged with its key or id.
 */
@Injectable()
export class UploadCleanupService implements OnModuleInit {
  private readonly logger = new Logger(UploadCleanupService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly storage: FileStorage,
    private readonly registry: JobRegistry,
    private readonly documentChanges: DocumentChangeNotifier,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: UPLOAD_CLEANUP_JOB,
      description:
        'Removes stored files that no document or profile photo refers to, and records whose file is missing.',
      schedule: 'Every day at 04:00 (UK time)',
      leaseMs: 30 * 60_000,
      work: () => this.reconcile(),
    });
  }

  @Cron(CronExpression.EVERY_DAY_AT_4AM, { name: UPLOAD_CLEANUP_JOB, timeZone: 'Europe/London' })
  async scheduled(): Promise<void> {
    try {
      await this.registry.run(UPLOAD_CLEANUP_JOB);
    } catch (error) {
      // A scheduler callback must never throw: tomorrow's run tries again.
      this.logger.error({ err: error }, 'Upload cleanup failed');
    }
  }

  /** One reconciliation pass; `now` is injectable so tests need not wait out the grace period. */
  async reconcile(now: Date = new Date()): Promise<CleanupSummary> {
    const summary: CleanupSummary = {
      orphanFilesRemoved: 0,
      documentsWithoutFileRemoved: 0,
      imagesWithoutFileRemoved: 0,
    };
    for (const area of ['documents', 'images'] as StorageArea[]) {
      summary.orphanFilesRemoved += await this.removeOrphanFiles(area, now);
    }
    summary.documentsWithoutFileRemoved = await this.removeRecordsWithoutFile(
      'document',
      (after) => this.documents.documentsAfter(after, BATCH),
      async (row) => {
        await this.documents.delete(row.id);
        // An approved document may have been what earned a badge.
        await this.documentChanges.changed(row.userId);
      },
    );
    summary.imagesWithoutFileRemoved = await this.removeRecordsWithoutFile(
      'profile photo',
      (after) => this.documents.imagesAfter(after, BATCH),
      (row) => this.documents.deleteImage(row.id),
    );
    return summary;
  }

  private async removeOrphanFiles(area: StorageArea, now: Date): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const referenced = await this.documents.referencedKeys(batch);
      for (const key of batch) {
        if (referenced.has(key)) continue;
        await this.storage.delete(key);
        removed++;
        this.logger.warn({ key }, `Removed stored file ${key}: no document or photo refers to it`);
      }
      batch = [];
    };
    for await (const entry of this.storage.list(area)) {
      if (now.getTime() - entry.modifiedAt.getTime() < ORPHAN_GRACE_MS) continue;
      batch.push(entry.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    return removed;
  }

  private async removeRecordsWithoutFile(
    what: string,
    next: (afterId: string) => Promise<{ id: string; userId: string; storageKey: string }[]>,
    remove: (row: { id: string; userId: string }) => Promise<void>,
  ): Promise<number> {
    let removed = 0;
    let after = '';
    for (;;) {
      const rows = await next(after);
      if (rows.length === 0) return removed;
      for (const row of rows) {
        if (await this.storage.exists(row.storageKey)) continue;
        await remove(row);
        removed++;
        this.logger.warn(
          { id: row.id, userId: row.userId, key: row.storageKey },
          `Removed ${what} ${row.id}: its file ${row.storageKey} is missing`,
        );
      }
      after = rows[rows.length - 1]!.id;
    }
  }
}
