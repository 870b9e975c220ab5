#!/usr/bin/env node
/**
 * `npm run bench`: the product's throughput against references measured in the same run, so
 * that the ratios compare like with like on a busy machine. Never part of `npm test`.
 *
 * Each case starts what it needs, warms up, measures with autocannon and prints one row with
 * its ratio to its reference and whether the goal (issue 16) is met:
 *   - framework cases against bare Fastify in a separate process serving the same small JSON;
 *   - request logging at info (as in production) against the same server at warn;
 *   - the demo search, and search by days and times against the plain search;
 *   - with --scale (after `npm run bench:data -- --db mariadb`): search over 100,000 listed
 *     childminders in MariaDB against the same SQL run through raw mysql2 in a bare Fastify route.
 * It also prints the built server's start-up time, process start to the first 200 from
 * /api/health, on an existing embedded database. Results go to bench/results/<time>.json.
 *
 * Usage: npm run build:api && npm run bench [-- --seconds 10 --connections 50 --scale --server <main.js>]
 */
'use strict';

const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { tmpdir, cpus, loadavg } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  return value === undefined || value.startsWith('--') ? true : value;
};
const SECONDS = Number(arg('seconds', 10));
const WARMUP = Math.max(1, Math.round(SECONDS / 3));
const CONNECTIONS = Number(arg('connections', 50));
const SCALE = !!arg('scale', false);
const ROOT = join(__dirname, '..');
// --server measures another build (e.g. main's, for before/after figures in one sitting).
const MAIN = arg('server', join(ROOT, 'dist', 'backend', 'src', 'main.js'));
const BARE = join(__dirname, 'bench', 'bare-fastify.js');
let nextPort = 3900 + Math.floor(Math.random() * 50) * 2;

async function main() {
  if (!existsSync(MAIN)) throw new Error('Build first: npm run build:api');
  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-bench-'));
  const stopAll = [];
  try {
    const bare = await startProcess('bare Fastify', BARE, {}, '/json');
    stopAll.push(bare.stop);

    // First start migrates and seeds; the measured start-up is the second, on that database.
    const first = await startProduct(dataDir, 'warn');
    await first.stop();
    const product = await startProduct(dataDir, 'warn');
    stopAll.push(product.stop);
    rows.push({
      name: 'start-up to first 200 from /api/health (ms)',
      value: product.startupMs,
      goal: '< 1500 ms',
      met: product.startupMs < 1500,
    });

    const login = await fetch(`${product.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'parent.demo@example.com', password: 'Demo-Parent-2026' }),
    }).then((r) => r.json());
    const auth = { authorization: `Bearer ${login.accessToken}` };

    const reference = () => measure(`${bare.url}/json`);
    const framework = [
      ['public JSON GET /api/health/live', '/api/health/live', {}, 0.6],
      ['signed-in GET /api/users/me', '/api/users/me', auth, 0.3],
      ['signed-in list /api/user/activity', '/api/user/activity?pageSize=20', auth, 0.2],
    ];
    for (const [name, path, headers, goal] of framework) {
      const ref = await reference();
      const got = await measure(`${product.url}${path}`, headers);
      rows.push(ratioRow(name, got, ref, 'bare Fastify', goal));
    }

    const search = '/api/childminders/search?postcode=M20&radiusMiles=10';
    const plain = await measure(`${product.url}${search}`);
    rows.push(ratioRow('demo search M20 10 miles', plain, await reference(), 'bare Fastify'));
    const timed = await measure(`${product.url}${search}&days=monday,wednesday&from=09:00&to=12:00`);
    rows.push(ratioRow('demo search + days and times', timed, plain, 'plain search', 0.5));
    await product.stop();

    // Request logging on at info (production's level) against the same server at warn.
    const logged = await startProduct(dataDir, 'info');
    stopAll.push(logged.stop);
    const info = await measure(`${logged.url}/api/health/live`);
    await logged.stop();
    const quiet = await startProduct(dataDir, 'warn');
    stopAll.push(quiet.stop);
    const warn = await measure(`${quiet.url}/api/health/live`);
    await quiet.stop();
    rows.push(ratioRow('request logging at info', info, warn, 'same at warn', 0.9));

    if (SCALE) rows.push(...(await scaleSearch()));
  } finally {
    for (const stop of stopAll.reverse()) await stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(rows);
}

/** Search over the bench:data set in MariaDB, against its own SQL through raw mysql2. */
async function scaleSearch() {
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/cmc_bench';
  const env = { DATABASE_URL: url, NODE_ENV: 'development', DEMO_DATA: 'false', DB_MIGRATE_ON_START: 'false' };
  const rows = [];
  const product = await startProduct(undefined, 'warn', env);
  const raw = await startProcess(
    'raw mysql2',
    join(__dirname, 'bench', 'raw-search.js'),
    { DATABASE_URL: url },
    '/ready',
  );
  try {
    const query = 'postcode=SW1A%201AA&radiusMiles=10&pageSize=20';
    const first = await fetch(`${product.url}/api/childminders/search?${query}`).then((r) => r.json());
    const { latitude, longitude } = first.origin;
    console.log(`search 100k: SW1A 1AA within 10 miles matches ${first.total} childminders`);
    const ref = await measure(
      `${raw.url}/search?latitude=${latitude}&longitude=${longitude}&radiusMiles=10&pageSize=20`,
    );
    const got = await measure(`${product.url}/api/childminders/search?${query}`);
    rows.push(ratioRow('search 100k SW1A 1AA 10 miles', got, ref, 'raw mysql2', 0.6));
    const fixed = await measure(`${product.url}/api/childminders/search?${query}`, {}, 200);
    rows.push({
      name: 'search 100k at 200 req/s: p99 (ms)',
      value: fixed.p99,
      goal: '<= 50 ms',
      met: fixed.rps > 0 && fixed.p99 <= 50 && fixed.errors === 0,
    });
    const timed = await measure(
      `${product.url}/api/childminders/search?${query}&days=monday,wednesday&from=09:00&to=12:00`,
    );
    rows.push(ratioRow('search 100k + days and times', timed, got, 'plain search', 0.5));
  } finally {
    await raw.stop();
    await product.stop();
  }
  return rows;
}

function ratioRow(name, got, ref, against, goal) {
  const ratio = ref.rps > 0 ? got.rps / ref.rps : 0;
  return {
    name,
    rps: Math.round(got.rps),
    p99: got.p99,
    errors: got.errors,
    reference: against,
    referenceRps: Math.round(ref.rps),
    ratio: Number(ratio.toFixed(3)),
    goal: goal === undefined ? '-' : `>= ${goal}`,
    // No completed request (all timed out on an overloaded machine) is never a goal met.
    met: goal === undefined ? undefined : got.rps > 0 && ratio >= goal && got.errors === 0,
  };
}

function report(rows) {
  const load = loadavg()[0].toFixed(1);
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS}s each after ${WARMUP}s warm-up, ${cpus().length} cores, load ${load}\n`,
  );
  for (const r of rows) {
    const verdict = r.met === undefined ? '' : r.met ? 'goal met' : 'goal MISSED';
    if (r.ratio === undefined) {
      console.log(`${r.name.padEnd(46)} ${String(Math.round(r.value)).padStart(8)}  goal ${r.goal}  ${verdict}`);
      continue;
    }
    console.log(
      `${r.name.padEnd(46)} ${String(r.rps).padStart(8)} req/s  p99 ${String(r.p99).padStart(5)} ms  ` +
        `errors ${r.errors}  ${r.ratio.toFixed(3)} of ${r.reference} (${r.referenceRps})  goal ${r.goal}  ${verdict}`,
    );
  }
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const meta = { server: MAIN, seconds: SECONDS, connections: CONNECTIONS, cores: cpus().length, load: loadavg() };
  writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  console.log(`\nWritten to ${file}`);
}

/** Warms up, then measures; `rate` fixes the request rate (overall) instead of going flat out. */
async function measure(url, headers = {}, rate) {
  const options = { url, headers, connections: CONNECTIONS, ...(rate ? { overallRate: rate } : {}) };
  await autocannon({ ...options, duration: WARMUP });
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function startProduct(dataDir, logLevel, extraEnv = {}) {
  const env = {
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    LOG_LEVEL: logLevel,
    JOBS_ENABLED: 'false',
    ...extraEnv,
  };
  return startProcess('Childminder Connect', MAIN, env, '/api/health');
}

/** Spawns a Node server on a fresh port and waits (with a deadline) for a 200 from `ready`. */
async function startProcess(label, script, env, ready) {
  const port = nextPort++;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), ...env },
    // stdout carries the request log; it is consumed so that logging costs what it costs in production.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}${ready}`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${label} did not answer ${ready} within 120 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { url, startupMs, stop };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
