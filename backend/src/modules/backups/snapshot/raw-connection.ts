import Database from 'better-sqlite3';
import { DataSource, QueryRunner } from 'typeorm';
import { Dialect } from '@app/database/data-source-options';

export type Row = Record<string, unknown>;

/**
 * One database connection of its own, used for a whole snapshot or restore, speaking plain SQL.
 * Dates travel as the database's own text, so a restored row is byte-for-byte the row saved.
 */
export interface RawConnection {
  readonly dialect: Dialect;
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  quote(identifier: string): string;
  /** Starts a read transaction that sees one consistent state of every table. */
  beginSnapshot(): Promise<void>;
  /** Starts the write transaction of a restore, with foreign keys unchecked until the end. */
  beginRestore(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

interface MysqlCallbackConnection {
  query(
    options: { sql: string; values?: readonly unknown[]; dateStrings: boolean },
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
}

class MysqlRawConnection implements RawConnection {
  readonly dialect = 'mysql' as const;

  constructor(
    private readonly runner: QueryRunner,
    private readonly connection: MysqlCallbackConnection,
  ) {}

  query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.connection.query({ sql, values: params, dateStrings: true }, (error, rows) =>
        error ? reject(error) : resolve(Array.isArray(rows) ? (rows as Row[]) : []),
      ),
    );
  }

  quote(identifier: string): string {
    return `\`${identifier.replace(/`/g, '``')}\``;
  }

  async beginSnapshot(): Promise<void> {
    await this.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await this.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  }

  async beginRestore(): Promise<void> {
    await this.query('SET FOREIGN_KEY_CHECKS = 0');
    await this.query('START TRANSACTION');
  }

  async commit(): Promise<void> {
    await this.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.query('ROLLBACK');
  }

  async close(): Promise<void> {
    await this.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
    await this.runner.release();
  }
}

/**
 * SQLite: a second connection to the same file. In WAL mode its read transaction is a snapshot
 * while the server keeps serving; its write transaction makes the server's writes wait.
 */
class SqliteRawConnection implements RawConnection {
  readonly dialect = 'sqlite' as const;

  constructor(private readonly db: Database.Database) {}

  query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const statement = this.db.prepare(sql);
    if (statement.reader) return Promise.resolve(statement.all(...params) as Row[]);
    statement.run(...params);
    return Promise.resolve([]);
  }

  quote(identifier: string): string {
    return `"${identifier.replace(/"/g, '""')}"`;
  }

  async beginSnapshot(): Promise<void> {
    this.db.exec('BEGIN');
    // The snapshot starts at the first read: take it now, for every table at once.
    this.db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  }

  async beginRestore(): Promise<void> {
    this.db.pragma('foreign_keys = OFF');
    this.db.exec('BEGIN IMMEDIATE');
  }

  async commit(): Promise<void> {
    this.db.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A connection of its own to the application's database. */
export async function openRawConnection(dataSource: DataSource): Promise<RawConnection> {
  if (dataSource.options.type === 'better-sqlite3') {
    const db = new Database(String(dataSource.options.database));
    db.pragma('busy_timeout = 15000');
    return new SqliteRawConnection(db);
  }
  const runner = dataSource.createQueryRunner();
  const connection = (await runner.connect()) as MysqlCallbackConnection;
  return new MysqlRawConnection(runner, connection);
}
