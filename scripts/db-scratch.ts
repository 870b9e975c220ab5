import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '@app/config/app-config';

/** The MariaDB/MySQL server used for generating migrations and for the API tests. */
export const TEST_MYSQL_SERVER = process.env.TEST_MYSQL_SERVER ?? 'mariadb://root@127.0.0.1:3306';

/** A throw-away database of the given dialect; `drop()` removes it. */
export async function scratchDatabase(
  dialect: DatabaseConfig['type'],
  prefix = 'cmc_scratch',
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      config: { type: 'sqlite', path: join(dir, 'scratch.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const server = TEST_MYSQL_SERVER.replace(/^mariadb:/, 'mysql:');
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    config: {
      type: 'mysql',
      url: `${server}/${name}`,
      flavour: TEST_MYSQL_SERVER.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    },
    drop: async () => {
      const conn = await createConnection(server);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** The DATABASE_URL the server reads for a scratch database (`mariadb://…/name` or `sqlite:/tmp/…`). */
export function scratchUrl(config: DatabaseConfig): string {
  if (config.type === 'sqlite') return `sqlite:${config.path}`;
  return config.url.replace(/^mysql:/, `${config.flavour}:`);
}

/** The dialect the API stage runs on: TEST_DIALECT=mysql (default, MariaDB) or sqlite. */
export function testDialect(): DatabaseConfig['type'] {
  const dialect = process.env.TEST_DIALECT ?? 'mysql';
  if (dialect !== 'mysql' && dialect !== 'sqlite') {
    throw new Error(`TEST_DIALECT must be mysql or sqlite (got ${JSON.stringify(dialect)})`);
  }
  return dialect;
}
