#!/usr/bin/env node
/**
 * `npm run bench:data`: the large data set for `npm run bench -- --scale` and for trying the
 * product by hand at scale: about 100,000 listed childminders and 1,000,000 availability blocks.
 *
 * It starts the built server once on an empty database (migrations and the demo data), then
 * copies the demo childminders (users, profiles, availability) COPIES times with INSERT ... SELECT,
 * each copy moved by a small offset so that copies spread around the original districts, and
 * each availability block copied BLOCK_SHIFTS times, a day apart. Set-based inserts, no row at a
 * time: a minute or two on the development machine.
 *
 * Usage (after npm run build:api):
 *   npm run bench:data -- --db mariadb   # database from BENCH_DATABASE_URL, default
 *                                         # mysql://root@127.0.0.1:3306/cmc_bench (dropped first)
 *   npm run bench:data -- --db sqlite    # ./data-bench/childminder-connect.sqlite
 * Then e.g. DATABASE_URL=mysql://root@127.0.0.1:3306/cmc_bench npm run start:api
 */
'use strict';

const { spawn } = require('node:child_process');
const { rmSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DB = arg('db', 'mariadb');
const COPIES = Number(arg('copies', 334));
const BLOCK_SHIFTS = Number(arg('block-shifts', 8));
const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'backend', 'src', 'main.js');
const MYSQL_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/cmc_bench';
const SQLITE_DIR = join(ROOT, 'data-bench');

async function main() {
  const started = Date.now();
  const db = DB === 'sqlite' ? await prepareSqlite() : await prepareMysql();
  try {
    const columns = {
      users: await db.columns('users'),
      childminder_profiles: await db.columns('childminder_profiles'),
      availability_blocks: await db.columns('availability_blocks'),
    };
    // Small fixed sources, so that each copy reads 300 rows rather than the growing table.
    const sources = {
      users: "SELECT * FROM users WHERE role = 'childminder'",
      childminder_profiles: 'SELECT * FROM childminder_profiles',
      availability_blocks:
        "SELECT * FROM availability_blocks WHERE childminderId IN (SELECT id FROM users WHERE role = 'childminder')",
    };
    for (const [table, select] of Object.entries(sources))
      await db.exec(`CREATE TABLE bench_src_${table} AS ${select}`);
    for (let k = 1; k <= COPIES; k++) {
      const prefix = String(k).padStart(5, '0');
      // ids keep their length (36): the copy number replaces the first five characters.
      const newId = (column) => db.concat(`'${prefix}'`, db.substr(column, 6));
      const dLat = (((k * 37) % 101) - 50) * 0.0012;
      const dLng = (((k * 53) % 103) - 51) * 0.0018;
      await db.transaction(async () => {
        await db.copy('users', columns.users, { id: newId('id'), email: db.concat(`'bench-${prefix}-'`, 'email') });
        await db.copy('childminder_profiles', columns.childminder_profiles, {
          id: newId('id'),
          userId: newId('userId'),
          latitude: `latitude + ${dLat}`,
          longitude: `longitude + ${dLng}`,
        });
        for (let shift = 0; shift < BLOCK_SHIFTS; shift++) {
          await db.copy('availability_blocks', columns.availability_blocks, {
            id: db.concat(`'${prefix}${shift}'`, db.substr('id', 7)),
            childminderId: newId('childminderId'),
            startsAt: db.addDays('startsAt', shift),
            endsAt: db.addDays('endsAt', shift),
          });
        }
      });
      if (k % 50 === 0) process.stdout.write(`  ${k}/${COPIES} copies\n`);
    }
    for (const table of Object.keys(sources)) await db.exec(`DROP TABLE bench_src_${table}`);
    await db.analyze(['users', 'childminder_profiles', 'availability_blocks']);
    const counts = await db.counts();
    console.log(`${DB}: ${JSON.stringify(counts)} in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await db.close();
  }
}

/** Runs the built server until /api/health answers: migrations and demo data, then stops it. */
async function seed(env) {
  const port = 3990 + Math.floor(Math.random() * 9);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the server did not start within 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  await exited;
}

async function prepareMysql() {
  const mysql = require('mysql2/promise');
  const url = new URL(MYSQL_URL);
  const database = url.pathname.slice(1);
  const admin = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: url.username,
    password: url.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await seed({ DATABASE_URL: MYSQL_URL, DEMO_DATA: 'true' });
  const conn = await mysql.createConnection({ uri: MYSQL_URL, multipleStatements: false });
  return {
    columns: async (table) => (await conn.query(`SHOW COLUMNS FROM \`${table}\``))[0].map((c) => c.Field),
    concat: (a, b) => `CONCAT(${a}, ${b})`,
    substr: (column, from) => `SUBSTRING(${column}, ${from})`,
    addDays: (column, days) => `DATE_ADD(${column}, INTERVAL ${days} DAY)`,
    exec: (sql) => conn.query(sql),
    copy: (table, columns, overrides) => conn.query(copySql(table, columns, overrides, '`')),
    transaction: async (work) => {
      await conn.beginTransaction();
      await work();
      await conn.commit();
    },
    analyze: async (tables) => {
      await conn.query(`ANALYZE TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
    },
    counts: () => counts((sql) => conn.query(sql).then(([rows]) => rows[0].n)),
    close: () => conn.end(),
  };
}

async function prepareSqlite() {
  rmSync(SQLITE_DIR, { recursive: true, force: true });
  mkdirSync(SQLITE_DIR, { recursive: true });
  await seed({ DATA_DIR: SQLITE_DIR, DEMO_DATA: 'true' });
  const Database = require('better-sqlite3');
  const db = new Database(join(SQLITE_DIR, 'childminder-connect.sqlite'));
  db.pragma('journal_mode = WAL');
  return {
    columns: async (table) =>
      db
        .prepare(`PRAGMA table_info("${table}")`)
        .all()
        .map((c) => c.name),
    concat: (a, b) => `(${a} || ${b})`,
    substr: (column, from) => `substr(${column}, ${from})`,
    addDays: (column, days) => `strftime('%Y-%m-%d %H:%M:%f', ${column}, '+${days} days')`,
    exec: async (sql) => db.exec(sql),
    copy: async (table, columns, overrides) => db.prepare(copySql(table, columns, overrides, '"')).run(),
    transaction: async (work) => {
      db.exec('BEGIN');
      await work();
      db.exec('COMMIT');
    },
    analyze: async () => db.exec('ANALYZE'),
    counts: () => counts(async (sql) => db.prepare(sql).get().n),
    close: async () => db.close(),
  };
}

function copySql(table, columns, overrides, quote) {
  const q = (name) => `${quote}${name}${quote}`;
  const select = columns.map((c) => overrides[c] ?? q(c)).join(', ');
  return `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) SELECT ${select} FROM ${q(`bench_src_${table}`)}`;
}

async function counts(scalar) {
  return {
    listedChildminders: await scalar(
      'SELECT COUNT(*) AS n FROM childminder_profiles WHERE visible = 1 AND active = 1 AND complete = 1',
    ),
    availabilityBlocks: await scalar('SELECT COUNT(*) AS n FROM availability_blocks'),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
