#!/usr/bin/env node
/**
 * `npm test`: installs (when needed) and runs every test suite, in order, stopping at the first
 * stage that fails:
 *
 *   lint       eslint + prettier --check                    (npm run lint)
 *   typecheck  backend, tests, scripts, frontend, specs     (npm run typecheck)
 *   build      the API and the Angular app                  (npm run build:api, npm run build:web)
 *   unit       jest --selectProjects unit
 *   api        jest --selectProjects api --runInBand        (MariaDB on 127.0.0.1:3306, Redis on :6379)
 *   smoke      the built server on SQLite                   (scripts/smoke.js)
 *   cluster    jest --selectProjects cluster --runInBand    (two built servers, MariaDB, a private redis-server)
 *   browser    jest --selectProjects browser --runInBand    (Debian's chromium at /usr/bin/chromium)
 *
 * Plain Node with no dependencies, so that it runs on a fresh clone before `npm ci`. Each jest stage
 * writes its results to test-results/<stage>.json. The last line is `N passed, N failed`: the tests
 * of every jest stage plus the smoke checks, where a failed lint, type-check or build counts as one
 * failure. The exit code is non-zero when anything failed.
 *
 *   npm test                         everything
 *   npm test -- --from unit          start at a stage (earlier ones are skipped)
 *   npm test -- --only api,smoke     just these stages
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

/** Runs a command with the output on our terminal; resolves to its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
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
async function jestStage(stage, project, extraArgs = []) {
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
  const code = await run(process.execPath, args);
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
    what: 'HTTP stories against MariaDB and Redis',
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
      return jestStage('api', 'api', ['--runInBand']);
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

function selectedStages(argv) {
  const value = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
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
    const counts = result.wholeStage ? '' : `${result.passed} passed, ${result.failed} failed`;
    if (result.failed > 0) {
      const why = [counts, result.problem].filter(Boolean).join('; ');
      console.log(`\n==== ${stage.name} FAILED after ${duration}: ${why}`);
      if (stage.hint) console.log(`     ${stage.hint}`);
      const resultsFile = join(RESULTS, `${stage.name}.json`);
      if (existsSync(resultsFile)) console.log(`     details: ${relative(ROOT, resultsFile)}`);
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
