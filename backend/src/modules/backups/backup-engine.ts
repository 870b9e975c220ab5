import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config/app-config';
import { DatabaseMigrator } from '@app/database/database.module';
import { Dialect } from '@app/database/data-source-options';
import { uploadsDir } from '@app/modules/storage/storage.module';
import {
  ArchiveRefused,
  FILES_DIR,
  packArchive,
  removeQuietly,
  stageFiles,
  TABLES_DIR,
  unpackAndVerify,
} from './archive/backup-archive';
import { ARCHIVE_FORMAT, ARCHIVE_PRODUCT, BackupManifest } from './archive/manifest';
import { BackupsErrorCode, BackupsException } from './backups.exception';
import { openRawConnection, RawConnection } from './snapshot/raw-connection';
import { dumpTable, restoreTable, TableSpec } from './snapshot/table-snapshot';

/**
 * Operational tables that neither go into a backup nor are replaced by a restore: the backup
 * history itself, the switches a restore is working under, job leases, and monitoring and
 * realtime data that describe this moment rather than the platform's data.
 */
export const NOT_BACKED_UP = new Set([
  'backup_runs',
  'backup_schedule',
  'maintenance_state',
  'job_leases',
  'request_stats',
  'monitoring_instances',
  'log_entries',
  'realtime_events',
  'realtime_tickets',
]);

/** `(percent, phase, persist)`: persist false inside the restore's write transaction. */
export type ProgressCallback = (percent: number, phase: string, persist?: boolean) => Promise<void>;

export interface BackupOutcome {
  sizeBytes: number;
  rowCount: number;
  schemaVersion: string;
}

/**
 * Takes and restores backups: one consistent snapshot of every table plus the uploaded files, in
 * one signed, checksummed tar.gz; and back, after proving the archive whole.
 */
@Injectable()
export class BackupEngine {
  private readonly logger = new Logger(BackupEngine.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly migrator: DatabaseMigrator,
  ) {}

  get dialect(): Dialect {
    return this.config.database.type;
  }

  archivePath(fileName: string): string {
    return join(this.config.backupDir, fileName);
  }

  /** Every table the platform's data lives in, by name. */
  tables(): TableSpec[] {
    return this.dataSource.entityMetadatas
      .filter((entity) => entity.tableType === 'regular' && !NOT_BACKED_UP.has(entity.tableName))
      .map((entity) => ({ name: entity.tableName, primaryKey: entity.primaryColumns.map((c) => c.databaseName) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async backup(runId: string, fileName: string, progress: ProgressCallback): Promise<BackupOutcome> {
    const staging = join(this.config.backupDir, `.staging-${runId}`);
    await mkdir(join(staging, TABLES_DIR), { recursive: true });
    try {
      const tables: BackupManifest['tables'] = {};
      let rowCount = 0;
      const specs = this.tables();
      const connection = await openRawConnection(this.dataSource);
      let schemaVersion: string;
      try {
        await connection.beginSnapshot();
        schemaVersion = await this.lastMigration(connection);
        for (const [index, table] of specs.entries()) {
          await progress(5 + Math.floor((index / specs.length) * 65), `Reading table ${table.name}`);
          const file = `${TABLES_DIR}/${table.name}.jsonl`;
          const dump = await dumpTable(connection, table, join(staging, file));
          tables[table.name] = { file, ...dump };
          rowCount += dump.rows;
        }
        await connection.commit();
      } finally {
        await connection.close();
      }
      await progress(72, 'Copying uploaded files');
      const files = await stageFiles(uploadsDir(this.config), staging);
      await progress(85, 'Compressing the archive');
      const manifest: BackupManifest = {
        product: ARCHIVE_PRODUCT,
        format: ARCHIVE_FORMAT,
        createdAt: new Date().toISOString(),
        dialect: this.dialect,
        schemaVersion,
        tables,
        files,
      };
      await mkdir(this.config.backupDir, { recursive: true });
      const sizeBytes = await packArchive(staging, manifest, this.archivePath(fileName), this.config.encryptionKey);
      return { sizeBytes, rowCount, schemaVersion };
    } finally {
      await removeQuietly(staging);
    }
  }

  /**
   * Unpacks an archive into `workDir` and proves it restorable here; throws a coded refusal
   * (and the caller removes `workDir`) without having changed anything.
   */
  async verify(fileName: string, workDir: string): Promise<BackupManifest> {
    const path = this.archivePath(fileName);
    if (!existsSync(path)) throw new BackupsException(BackupsErrorCode.NotFound, 'The backup archive is missing');
    let manifest: BackupManifest;
    try {
      manifest = await unpackAndVerify(path, workDir, {
        dialect: this.dialect,
        encryptionKey: this.config.encryptionKey,
      });
    } catch (error) {
      if (error instanceof ArchiveRefused) {
        throw new BackupsException(
          BackupsErrorCode.ArchiveInvalid,
          `Restore refused: ${error.message}. Nothing was changed.`,
        );
      }
      throw error;
    }
    const known = this.dataSource.migrations.map((migration) => migration.name);
    if (!known.includes(manifest.schemaVersion)) {
      throw new BackupsException(
        BackupsErrorCode.SchemaNewer,
        `Restore refused: the backup's schema (${manifest.schemaVersion}) is not one this server knows. Nothing was changed.`,
      );
    }
    for (const table of Object.keys(manifest.tables)) {
      if (NOT_BACKED_UP.has(table)) {
        throw new BackupsException(BackupsErrorCode.ArchiveInvalid, `Restore refused: unexpected table ${table}.`);
      }
    }
    return manifest;
  }

  /**
   * Replaces the data and files with the verified archive in `workDir`: the schema is taken back
   * to the backup's migration if it is older, every table is replaced in one transaction, the
   * files are swapped in, and pending migrations run again.
   */
  async restore(manifest: BackupManifest, workDir: string, runId: string, progress: ProgressCallback): Promise<number> {
    await progress(25, 'Matching the schema to the backup');
    await this.undoMigrationsAfter(manifest.schemaVersion);
    const tables = Object.keys(manifest.tables).sort();
    let restored = 0;
    const connection = await openRawConnection(this.dataSource);
    try {
      await progress(30, 'Restoring tables');
      await connection.beginRestore();
      try {
        for (const [index, table] of tables.entries()) {
          await progress(30 + Math.floor((index / tables.length) * 50), `Restoring table ${table}`, false);
          restored += await restoreTable(connection, table, join(workDir, manifest.tables[table]!.file));
        }
        await connection.commit();
      } catch (error) {
        await connection.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      await connection.close();
    }
    await progress(82, 'Restoring uploaded files');
    await this.swapUploads(join(workDir, FILES_DIR), runId);
    await progress(92, 'Bringing migrations up to date');
    await this.migrator.migrate();
    return restored;
  }

  private async lastMigration(connection: RawConnection | DataSource): Promise<string> {
    const q = (name: string) =>
      connection instanceof DataSource ? connection.driver.escape(name) : connection.quote(name);
    const sql = `SELECT ${q('name')} AS name FROM ${q('migrations')} ORDER BY ${q('timestamp')} DESC LIMIT 1`;
    const rows = (await connection.query(sql)) as { name: string }[];
    return rows[0]?.name ?? '';
  }

  private async undoMigrationsAfter(target: string): Promise<void> {
    for (let guard = 0; guard < 1000; guard++) {
      const current = await this.lastMigration(this.dataSource);
      if (current === target || current === '') return;
      this.logger.warn(`Restore: undoing migration ${current} to reach ${target}`);
      await this.dataSource.undoLastMigration({ transaction: 'each' });
    }
  }

  /** Puts the archive's files in place of the uploads folder, keeping the old one until the new one is there. */
  private async swapUploads(staged: string, runId: string): Promise<void> {
    const uploads = uploadsDir(this.config);
    const incoming = `${uploads}.restoring-${runId}`;
    const previous = `${uploads}.before-restore-${runId}`;
    await removeQuietly(incoming);
    await mkdir(incoming, { recursive: true });
    if (existsSync(staged)) await cp(staged, incoming, { recursive: true });
    if (existsSync(uploads)) await rename(uploads, previous);
    await rename(incoming, uploads);
    await removeQuietly(previous);
  }
}
