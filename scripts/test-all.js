#!/usr/bin/env node
/**
 * `npm test`: installs (when needed) and runs every test suite, in order, stopping at the first
 * stage that fails:
 *
 *   lint       eslint + prettier --check                    (npm run lint)
 *   typecheck  backend, tests, scripts, frontend, specs     (npm run typecheck)
 *   build      the API and the Angular app                  (npm run build:api, npm run build:web)
 *   unit       jest --selectProjects unit
 *   api        jest --selectProjects api --runInBand, twice side by side: TEST_DIALECT=mysql (a fresh
 *              MariaDB database on 127.0.0.1:3306) and TEST_DIALECT=sqlite (a fresh SQLite file);
 *              Redis on :6379
 *   smoke      the built server on SQLite                   (scripts/smoke.js)
 *   cluster    jest --selectProjects cluster --runInBand    (two built servers, MariaDB, a private redis-server)
 *   browser    jest --selectProjects browser --runInBand    (Debian's chromium at /usr/bin/chromium)
 *
 * Before any stage, scripts/ensure-services.sh starts (or, as root on Debian, installs) MariaDB,
 * Redis and chromium for the stages that need them, or stops at once with the command to run.
 *
 * Plain Node with no dependencies, so that it runs on a fresh clone before `npm ci`. Each jest stage
 * writes its results to test-results/<stage>.json (the API stage: api-mysql.json, api-sqlite.json). The last line is `N passed, N failed`: the tests
 * of every jest stage plus the smoke checks, where a failed lint, type-check or build counts as one
 * failure. The exit code is non-zero when anything failed.
 *
 *   npm test                         everything
 *   npm test -- --from unit          start at a stage (earlier ones are skipped)
 *   npm test -- --only api,smoke     just these stages
 *   npm test -- --only api --dialect sqlite   the API stage on one dialect
 */
'use strict';

const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const { connect } = require('node:net');
const { join, relative } = require('node:path');
const { ROOT, checkNodeVersion, ensureInstalled, npmInvocation } = require('./start');

const RESULTS = join(ROOT, 'test-results');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

const totals = { passed: 0, failed: 0 };
const summary = [];

// ---------------------------------------------------------------------------------------------
// Running things

/**
 * Runs a command with the output on our terminal; resolves to its exit code. With `prefix`, each
 * line of its output is marked with it (for commands that run side by side).
 */
function run(command, args, env = {}, prefix) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: prefix ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    if (prefix) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        from.on('data', (chunk) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop();
          for (const line of lines) to.write(`${prefix} ${line}\n`);
        });
        from.on('end', () => rest && to.write(`${prefix} ${rest}\n`));
      }
    }
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      signals.forEach((s) => process.removeListener(s, forward));
      if (signal === 'SIGINT' || signal === 'SIGTERM') {
        console.error(`\nInterrupted (${signal}).`);
        process.exit(130);
      }
      resolve(code ?? 1);
    });
  });
}

function npm(...args) {
  const invocation = npmInvocation(args);
  return run(invocation.command, invocation.args);
}

/** Whether something accepts TCP connections at host:port. */
function reachable(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Runs jest on one project with --json; returns {passed, failed, problem?}. */
async function jestStage(stage, project, extraArgs = [], { env = {}, prefix } = {}) {
  if (!existsSync(JEST)) return { passed: 0, failed: 1, problem: 'jest is not installed (npm ci failed?)' };
  const outputFile = join(RESULTS, `${stage}.json`);
  rmSync(outputFile, { force: true });
  const args = [JEST, '--selectProjects', project, ...extraArgs, '--json', '--outputFile', outputFile];
  if (process.env.CI) args.push('--ci');
  console.log(
    `$ jest ${args
      .slice(1)
      .join(' ')
      .replace(ROOT + '/', '')}`,
  );
  const code = await run(process.execPath, args, env, prefix);
  if (!existsSync(outputFile)) {
    return { passed: 0, failed: 1, problem: `jest exited with code ${code} before writing results (see above)` };
  }
  const results = JSON.parse(readFileSync(outputFile, 'utf8'));
  const passed = results.numPassedTests ?? 0;
  // A test file that cannot even load has no failed tests but is a failure all the same.
  let failed = (results.numFailedTests ?? 0) + (results.numRuntimeErrorTestSuites ?? 0);
  const ranNothing = (results.numTotalTests ?? 0) === 0;
  let problem;
  if (code !== 0 && failed === 0) {
    failed = 1;
    problem = ranNothing ? 'no test ran' : `jest exited with code ${code} (a global setup or teardown failed?)`;
  }
  return { passed, failed, problem };
}

/** Runs a stage that passes or fails as a whole (lint, type-check, build). */
async function commandStage(...commands) {
  for (const args of commands) {
    console.log(`$ npm ${args.join(' ')}`);
    const code = await npm(...args);
    if (code !== 0)
      return { passed: 0, failed: 1, wholeStage: true, problem: `npm ${args.join(' ')} exited with code ${code}` };
  }
  return { passed: 0, failed: 0, wholeStage: true };
}

function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).filter((file) => pattern.test(String(file)));
}

// ---------------------------------------------------------------------------------------------
// The stages

const MYSQL_SERVER = process.env.TEST_MYSQL_SERVER ?? 'mariadb://root@127.0.0.1:3306';
const REDIS_SERVER = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/3';

function hostAndPort(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/**
 * The API stories on MariaDB (production) and on SQLite (the embedded default every newcomer
 * runs), each on a fresh database, in two jest processes side by side: a story that passes on one
 * and fails on the other is a bug in the product. Results: test-results/api-<dialect>.json.
 */
async function apiOnBothDialects() {
  const only = optionValue(process.argv.slice(2), '--dialect');
  const dialects = only ? only.split(',') : ['mysql', 'sqlite'];
  const runs = await Promise.all(
    dialects.map((dialect) =>
      jestStage(`api-${dialect}`, 'api', ['--runInBand'], {
        env: { TEST_DIALECT: dialect },
        prefix: dialects.length > 1 ? `[api-${dialect}]` : undefined,
      }),
    ),
  );
  const detail = dialects.map((dialect, i) => `${dialect}: ${runs[i].passed} passed, ${runs[i].failed} failed`);
  const problems = dialects.map((dialect, i) => runs[i].problem && `${dialect}: ${runs[i].problem}`).filter(Boolean);
  return {
    passed: runs.reduce((sum, r) => sum + r.passed, 0),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    problem: problems.length > 0 ? problems.join('; ') : undefined,
    detail: detail.join('; '),
    resultFiles: dialects.map((dialect) => `api-${dialect}.json`),
  };
}

/** Which of MariaDB, Redis and chromium the chosen stages need (scripts/ensure-services.sh). */
const SERVICES = { api: ['mariadb', 'redis'], cluster: ['mariadb', 'redis'], browser: ['chromium'] };

async function ensureServices(stages) {
  const needed = [...new Set(stages.flatMap((stage) => SERVICES[stage.name] ?? []))];
  if (needed.length === 0) return true;
  console.log(`$ bash scripts/ensure-services.sh ${needed.join(' ')}`);
  return (await run('bash', [join(ROOT, 'scripts', 'ensure-services.sh'), ...needed])) === 0;
}

const STAGES = [
  {
    name: 'lint',
    what: 'eslint and prettier --check',
    run: () => commandStage(['run', 'lint']),
    hint: 'npx eslint . shows the problems; npm run format fixes the formatting',
  },
  {
    name: 'typecheck',
    what: 'tsc on the backend, tests, scripts and frontend',
    run: () => commandStage(['run', 'typecheck']),
  },
  {
    name: 'build',
    what: 'the API and the Angular app',
    run: () => commandStage(['run', 'build:api'], ['run', 'build:web']),
  },
  {
    name: 'unit',
    what: 'jest unit specs beside the code',
    run: () => jestStage('unit', 'unit'),
  },
  {
    name: 'api',
    what: 'HTTP stories on MariaDB and on SQLite, side by side, with Redis',
    run: async () => {
      const mysql = hostAndPort(MYSQL_SERVER.replace(/^mariadb:/, 'mysql:'), 3306);
      const redis = hostAndPort(REDIS_SERVER, 6379);
      const missing = [];
      if (!(await reachable(mysql.host, mysql.port))) missing.push(`MariaDB/MySQL on ${mysql.host}:${mysql.port}`);
      if (!(await reachable(redis.host, redis.port))) missing.push(`Redis on ${redis.host}:${redis.port}`);
      if (missing.length > 0) {
        return {
          passed: 0,
          failed: 1,
          problem: `${missing.join(' and ')} not reachable: start them (see README, "Tests") or run bash .ci/run`,
        };
      }
      return apiOnBothDialects();
    },
  },
  {
    name: 'smoke',
    what: 'the built server on the embedded default',
    run: async () => {
      const outputFile = join(RESULTS, 'smoke.json');
      rmSync(outputFile, { force: true });
      console.log('$ node scripts/smoke.js');
      const code = await run(process.execPath, [join(ROOT, 'scripts', 'smoke.js'), '--json', outputFile]);
      if (!existsSync(outputFile)) return { passed: 0, failed: 1, problem: `smoke.js exited with code ${code}` };
      const { passed, failed } = JSON.parse(readFileSync(outputFile, 'utf8'));
      if (code !== 0 && failed === 0) return { passed, failed: 1, problem: `smoke.js exited with code ${code}` };
      return { passed, failed };
    },
  },
  {
    name: 'cluster',
    what: 'two built server processes on MariaDB and a private Redis',
    run: async () => {
      const mysql = hostAndPort(MYSQL_SERVER.replace(/^mariadb:/, 'mysql:'), 3306);
      if (!(await reachable(mysql.host, mysql.port))) {
        return {
          passed: 0,
          failed: 1,
          problem: `MariaDB/MySQL on ${mysql.host}:${mysql.port} not reachable: start it (see README, "Tests") or run bash .ci/run`,
        };
      }
      return jestStage('cluster', 'cluster', ['--runInBand']);
    },
    hint: 'the cluster tests start redis-server themselves: it must be on PATH (apt-get install redis-server)',
  },
  {
    name: 'browser',
    what: 'Playwright in Debian chromium',
    run: async () => {
      const specs = filesUnder(join(ROOT, 'test', 'browser'), /\.browser-spec\.ts$/);
      if (specs.length === 0) return { skipped: 'test/browser has no *.browser-spec.ts yet' };
      return jestStage('browser', 'browser', ['--runInBand']);
    },
  },
];

function optionValue(argv, flag) {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

function selectedStages(argv) {
  const value = (flag) => optionValue(argv, flag);
  const names = STAGES.map((stage) => stage.name);
  const only = value('--only')?.split(',');
  const from = value('--from');
  for (const name of [...(only ?? []), ...(from ? [from] : [])]) {
    if (!names.includes(name)) {
      console.error(`Unknown stage "${name}": the stages are ${names.join(', ')}`);
      process.exit(2);
    }
  }
  if (only) return STAGES.filter((stage) => only.includes(stage.name));
  if (from) return STAGES.slice(names.indexOf(from));
  return STAGES;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function printSummary(totalMs) {
  console.log('\n==== Summary');
  for (const row of summary)
    console.log(`  ${row.name.padEnd(10)} ${row.status.padEnd(8)} ${row.duration.padStart(8)}  ${row.detail}`);
  console.log(`  total ${seconds(totalMs)}`);
}

async function main() {
  checkNodeVersion();
  const started = Date.now();
  const stages = selectedStages(process.argv.slice(2));

  console.log('\n==== services');
  const servicesStarted = Date.now();
  if (!(await ensureServices(stages))) {
    summary.push({
      name: 'services',
      status: 'FAILED',
      duration: seconds(Date.now() - servicesStarted),
      detail: 'scripts/ensure-services.sh stopped: see the command it printed above',
    });
    totals.failed += 1;
    return finish(started);
  }

  console.log('\n==== install');
  const installStarted = Date.now();
  if (!(await ensureInstalled({ prefix: '[test]' }))) {
    summary.push({
      name: 'install',
      status: 'FAILED',
      duration: seconds(Date.now() - installStarted),
      detail: 'npm ci failed',
    });
    totals.failed += 1;
    return finish(started);
  }
  summary.push({ name: 'install', status: 'ok', duration: seconds(Date.now() - installStarted), detail: '' });
  mkdirSync(RESULTS, { recursive: true });

  for (const [index, stage] of stages.entries()) {
    console.log(`\n==== [${index + 1}/${stages.length}] ${stage.name}: ${stage.what}`);
    const stageStarted = Date.now();
    let result;
    try {
      result = await stage.run();
    } catch (error) {
      result = { passed: 0, failed: 1, problem: error.stack ?? String(error) };
    }
    const duration = seconds(Date.now() - stageStarted);
    if (result.skipped) {
      console.log(`==== ${stage.name} skipped: ${result.skipped}`);
      summary.push({ name: stage.name, status: 'skipped', duration, detail: result.skipped });
      continue;
    }
    totals.passed += result.passed;
    totals.failed += result.failed;
    const counts = result.wholeStage
      ? ''
      : `${result.passed} passed, ${result.failed} failed${result.detail ? ` (${result.detail})` : ''}`;
    if (result.failed > 0) {
      const why = [counts, result.problem].filter(Boolean).join('; ');
      console.log(`\n==== ${stage.name} FAILED after ${duration}: ${why}`);
      if (stage.hint) console.log(`     ${stage.hint}`);
      for (const name of result.resultFiles ?? [`${stage.name}.json`]) {
        const resultsFile = join(RESULTS, name);
        if (existsSync(resultsFile)) console.log(`     details: ${relative(ROOT, resultsFile)}`);
      }
      summary.push({ name: stage.name, status: 'FAILED', duration, detail: why });
      const rest = stages.slice(index + 1).map((s) => s.name);
      if (rest.length > 0) console.log(`     stopping here; not run: ${rest.join(', ')}`);
      return finish(started);
    }
    console.log(`==== ${stage.name} passed in ${duration}${counts ? ` (${counts})` : ''}`);
    summary.push({ name: stage.name, status: 'passed', duration, detail: counts });
  }
  return finish(started);
}

function finish(started) {
  printSummary(Date.now() - started);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
