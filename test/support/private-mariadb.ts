import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { Child, eventually, freePort } from '../cluster/support/processes';

const run = promisify(execFile);

/**
 * A mariadbd of the test's own, in a temporary data directory on a free port, so that a test can
 * kill it and start it again without touching the machine's shared MariaDB on 3306.
 * Needs Debian's mariadb-server (mariadbd and mariadb-install-db on PATH or in /usr/sbin).
 */
export class PrivateMariaDb {
  private child?: Child;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'cmc-mariadb-'));
    const server = new PrivateMariaDb(await freePort(), dir);
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    await run(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        ...user,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { env: { PATH: `${process.env.PATH ?? ''}:/usr/sbin:/usr/bin` } },
    );
    await server.start();
    return server;
  }

  /** `mariadb://root@127.0.0.1:<port>/<database>` */
  url(database: string): string {
    return `mariadb://root@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<void> {
    const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
    try {
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await connection.end();
    }
  }

  /** Starts (or restarts) the server on its port and data; resolves once it answers a query. */
  async start(): Promise<void> {
    if (this.child?.running) return;
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    const child = Child.spawn(
      `mariadb:${this.port}`,
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        ...user,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${join(this.dir, 'mariadb.pid')}`,
        '--innodb-buffer-pool-size=32M',
        '--skip-log-bin',
      ],
      { PATH: `${process.env.PATH ?? ''}:/usr/sbin` },
    );
    this.child = child;
    await eventually(
      `the private mariadbd on port ${this.port} to answer`,
      async () => {
        if (!child.running && child.ending !== undefined) throw new Error(`mariadbd ended (${child.ending})`);
        const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
        await connection.end();
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 200, describe: () => child.output() },
    );
  }

  /** Kills the server outright, as a crash would, and waits until it is gone. */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
  }

  async destroy(): Promise<void> {
    await this.child?.stop('SIGTERM', 10_000);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
