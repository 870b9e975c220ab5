#!/usr/bin/env node
/**
 * `npm run test:smoke`: the embedded default, end to end, on the BUILT server (run `npm run build`
 * first). Starts `node dist/backend/src/main.js` on an empty temporary DATA_DIR and a free port with
 * no other configuration, then checks what a new user meets on `npm start`: the health check, the
 * printed URL and demo logins, the Angular app and its client routes, a demo login, a restart that
 * keeps sessions and does not load the demo data twice, a second independent instance beside the
 * first, and a clear refusal of a malformed configuration.
 *
 * Prints one line per check and exits non-zero when any failed.
 * `--json FILE` also writes {passed, failed, checks} for scripts/test-all.js.
 */
'use strict';

const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'backend', 'src', 'main.js');
const WEB_INDEX = join(ROOT, 'dist', 'frontend', 'browser', 'index.html');
const DATABASE_FILE = 'childminder-connect.sqlite';
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
/** Tables that scheduled jobs may write to on their own, so their row counts can change across a restart. */
const RUNTIME_TABLES = /^(job_|logs?$|migrations$|typeorm_|sqlite_)/;

const checks = [];
const servers = new Set();
const tempDirs = [];

// ---------------------------------------------------------------------------------------------
// Reporting

class CheckFailed extends Error {}

function fail(message) {
  throw new CheckFailed(message);
}

function assert(condition, message) {
  if (!condition) fail(message);
}

/** Runs one named check; a failed check is recorded and, unless `optional`, ends the run. */
async function check(name, fn, { optional = false } = {}) {
  const started = Date.now();
  try {
    const result = await fn();
    checks.push({ name, passed: true });
    console.log(`  passed  ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    checks.push({ name, passed: false, message: error.message });
    console.log(`  FAILED  ${name}: ${error.message}`);
    if (!(error instanceof CheckFailed)) console.log(error.stack);
    if (!optional) throw new Aborted(name);
    return undefined;
  }
}

class Aborted extends Error {}

// ---------------------------------------------------------------------------------------------
// Servers

/** Names of every variable the server reads: the smoke run starts it with none of them set. */
function configurationVariables() {
  return readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line.trim()))
    .filter(Boolean)
    .map((match) => match[1]);
}

function cleanEnvironment(extra) {
  const env = { ...process.env };
  for (const name of configurationVariables()) delete env[name];
  return { ...env, ...extra };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function tempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `cmc-smoke-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** Starts the built server with exactly the given configuration; output is kept for checks. */
function startServer(label, env) {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: cleanEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = {
    label,
    child,
    port: env.PORT,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    url: (path) => `http://127.0.0.1:${env.PORT}${path}`,
  };
  const collect = (chunk) => {
    server.output += chunk.toString();
    if (process.env.SMOKE_VERBOSE) process.stdout.write(`    [${label}] ${chunk}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  servers.add(server);
  server.exited.then(() => servers.delete(server));
  return server;
}

function outputTail(server, lines = 25) {
  return server.output.trim().split('\n').slice(-lines).join('\n    ');
}

async function waitUntilHealthy(server) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!server.running) {
      const { code, signal } = await server.exited;
      fail(`the server exited (${signal ?? `code ${code}`}) before it was healthy:\n    ${outputTail(server)}`);
    }
    try {
      const response = await fetch(server.url('/api/health'), { signal: AbortSignal.timeout(2000) });
      const body = await response.json();
      if (response.status === 200 && body.status === 'ok') return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  fail(`GET /api/health was not ok within ${START_TIMEOUT_MS / 1000} s (last: ${last}):\n    ${outputTail(server)}`);
}

async function waitForOutput(server, text, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!server.output.includes(text) && Date.now() < deadline && server.running) await sleep(100);
  return server.output.includes(text);
}

/** SIGTERM, then waits for a graceful exit; SIGKILL after the timeout. Returns how it ended. */
async function stopServer(server) {
  if (!server.running) return server.exited;
  server.child.kill('SIGTERM');
  const ended = await Promise.race([server.exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
  if (ended) return ended;
  server.child.kill('SIGKILL');
  await server.exited;
  return { code: null, signal: 'SIGKILL', timedOut: true };
}

function killAll() {
  for (const server of servers) if (server.running) server.child.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// HTTP

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(server, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(server.url(path), {
    method,
    headers: {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function describe(response) {
  return `${response.status} ${response.text.slice(0, 300)}`;
}

async function demoAccounts(server) {
  const response = await request(server, 'GET', '/api/auth/demo-accounts');
  assert(response.status === 200, `GET /api/auth/demo-accounts: ${describe(response)}`);
  assert(response.json?.demoMode === true, `demo mode is off: ${describe(response)}`);
  assert(Array.isArray(response.json.accounts) && response.json.accounts.length > 0, 'no demo accounts listed');
  return response.json.accounts;
}

async function logIn(server, account) {
  const response = await request(server, 'POST', '/api/auth/login', {
    body: { email: account.email, password: account.password },
  });
  assert(response.status === 200 || response.status === 201, `POST /api/auth/login: ${describe(response)}`);
  assert(typeof response.json?.accessToken === 'string', `no accessToken in ${describe(response)}`);
  return response.json.accessToken;
}

async function expectMe(server, token, email) {
  const response = await request(server, 'GET', '/api/users/me', { token });
  assert(response.status === 200, `GET /api/users/me: ${describe(response)}`);
  assert(response.json?.email === email, `GET /api/users/me answered ${response.json?.email}, expected ${email}`);
}

/** Row count of every table in an instance's SQLite file (read-only, beside the running server). */
function tableCounts(dataDir) {
  const Database = require('better-sqlite3');
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => row.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get().n]));
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The run

async function run() {
  await check('the server and the web app are built', () => {
    assert(existsSync(SERVER_ENTRY), `${relative(ROOT, SERVER_ENTRY)} is missing: run npm run build first`);
    assert(existsSync(WEB_INDEX), `${relative(ROOT, WEB_INDEX)} is missing: run npm run build first`);
  });

  const dataDir = tempDir('a');
  const port = await freePort();
  let server = startServer('first', { PORT: String(port), DATA_DIR: dataDir });
  console.log(`  first instance: port ${port}, DATA_DIR ${dataDir}`);

  await check('starts with no configuration and GET /api/health is ok', async () => {
    const health = await waitUntilHealthy(server);
    assert(health.checks?.database === 'up', `database check: ${JSON.stringify(health)}`);
  });

  await check('uses the embedded SQLite database under DATA_DIR', () => {
    assert(existsSync(join(dataDir, DATABASE_FILE)), `${DATABASE_FILE} not created in DATA_DIR`);
    assert(existsSync(join(dataDir, 'secrets.json')), 'secrets.json not created in DATA_DIR');
  });

  const accounts = await check('GET /api/auth/demo-accounts lists the demo logins', () => demoAccounts(server));

  await check('the console shows the URL and every demo login', async () => {
    const url = `http://localhost:${port}`;
    const lastLogin = accounts[accounts.length - 1];
    await waitForOutput(server, lastLogin.password);
    assert(server.output.includes(url), `the URL ${url} was not printed:\n    ${outputTail(server)}`);
    for (const account of accounts) {
      assert(server.output.includes(account.email), `demo login ${account.email} was not printed`);
      assert(server.output.includes(account.password), `the password of ${account.email} was not printed`);
    }
  });

  const indexHtml = await check('GET / serves the Angular app', async () => {
    const response = await request(server, 'GET', '/', { headers: { accept: 'text/html' } });
    assert(response.status === 200, `GET /: ${describe(response)}`);
    assert(/text\/html/.test(response.headers.get('content-type') ?? ''), 'GET / is not text/html');
    assert(response.text.includes('<app-root'), 'GET / has no <app-root>');
    assert(response.text === readFileSync(WEB_INDEX, 'utf8'), 'GET / is not dist/frontend/browser/index.html');
    return response.text;
  });

  await check('a client route (/parent) falls back to index.html', async () => {
    const response = await request(server, 'GET', '/parent', { headers: { accept: 'text/html' } });
    assert(response.status === 200, `GET /parent: ${describe(response)}`);
    assert(response.text === indexHtml, 'GET /parent is not the Angular index.html');
  });

  await check('an unknown API path answers a JSON 404, not the web app', async () => {
    const response = await request(server, 'GET', '/api/no-such-endpoint', { headers: { accept: 'text/html' } });
    assert(response.status === 404, `GET /api/no-such-endpoint: ${describe(response)}`);
    assert(response.json?.statusCode === 404, `not a JSON error: ${describe(response)}`);
  });

  await check('the API documentation is served at /api/docs', async () => {
    const docs = await request(server, 'GET', '/api/docs', { headers: { accept: 'text/html' } });
    assert(docs.status === 200, `GET /api/docs: ${describe(docs)}`);
    const json = await request(server, 'GET', '/api/docs-json');
    assert(json.status === 200 && json.json?.openapi, `GET /api/docs-json: ${describe(json)}`);
  });

  const parent = accounts.find((account) => account.role === 'parent') ?? accounts[0];
  const token = await check(`the demo parent (${parent.email}) logs in and reads /api/users/me`, async () => {
    const accessToken = await logIn(server, parent);
    await expectMe(server, accessToken, parent.email);
    return accessToken;
  });

  await check('stops cleanly on SIGTERM', async () => {
    const ended = await stopServer(server);
    assert(!ended.timedOut, `still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
    assert(ended.code === 0 || ended.signal === 'SIGTERM', `exited with ${ended.signal ?? `code ${ended.code}`}`);
  });
  const countsBefore = tableCounts(dataDir);

  server = startServer('restarted', { PORT: String(port), DATA_DIR: dataDir });
  await check('restarts on the same DATA_DIR', () => waitUntilHealthy(server));

  await check('the demo data is not loaded a second time', () => {
    const countsAfter = tableCounts(dataDir);
    assert(countsBefore.users > 0, 'the users table is empty');
    const grown = Object.keys(countsAfter).filter(
      (table) => !RUNTIME_TABLES.test(table) && countsAfter[table] !== (countsBefore[table] ?? 0),
    );
    assert(
      grown.length === 0,
      `row counts changed across a restart: ${grown.map((t) => `${t} ${countsBefore[t]} -> ${countsAfter[t]}`).join(', ')}`,
    );
  });

  await check('the access token from before the restart still works (secrets kept in DATA_DIR)', () =>
    expectMe(server, token, parent.email),
  );

  const secondDir = tempDir('b');
  const secondPort = await freePort();
  console.log(`  second instance: port ${secondPort}, DATA_DIR ${secondDir}`);
  const second = startServer('second', { PORT: String(secondPort), DATA_DIR: secondDir });

  await check('a second instance with another PORT and DATA_DIR runs at the same time', async () => {
    await waitUntilHealthy(second);
    assert(existsSync(join(secondDir, DATABASE_FILE)), 'the second instance has no database of its own');
    const secondAccounts = await demoAccounts(second);
    const secondParent = secondAccounts.find((account) => account.role === parent.role) ?? secondAccounts[0];
    const secondToken = await logIn(second, secondParent);
    await expectMe(second, secondToken, secondParent.email);
    await expectMe(server, token, parent.email); // the first one is still up
  });

  await check("the two instances are independent (the first one's token is refused by the second)", async () => {
    const response = await request(second, 'GET', '/api/users/me', { token });
    assert(response.status === 401, `GET /api/users/me on the second instance: ${describe(response)}`);
  });

  await Promise.all([stopServer(server), stopServer(second)]);

  await check('a malformed configuration (PORT=abc) stops start-up with a message naming PORT', async () => {
    const bad = startServer('malformed', { PORT: 'abc', DATA_DIR: tempDir('c') });
    const ended = await Promise.race([bad.exited, sleep(30_000).then(() => undefined)]);
    if (!ended) {
      await stopServer(bad);
      fail('the server was still running 30 s after start with PORT=abc');
    }
    assert(ended.code !== 0, 'the server exited with code 0');
    assert(/\bPORT\b/.test(bad.output), `the message does not name PORT:\n    ${outputTail(bad)}`);
    assert(!/\bat .+\.js:\d+/.test(bad.output), `the message is a stack trace:\n    ${outputTail(bad)}`);
  });
}

async function main() {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonFile = jsonIndex > 0 ? process.argv[jsonIndex + 1] : undefined;
  const started = Date.now();
  console.log('Smoke run: the built server on the embedded default (SQLite, no configuration)');
  let aborted;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Aborted)) {
      checks.push({ name: 'smoke run', passed: false, message: error.message });
      console.log(`  FAILED  smoke run: ${error.stack}`);
    }
    aborted = error instanceof Aborted ? error.message : 'an unexpected error';
  } finally {
    killAll();
    await sleep(200);
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  }
  const passed = checks.filter((c) => c.passed).length;
  const failed = checks.length - passed;
  if (aborted) console.log(`  (stopped after "${aborted}" failed: the checks after it did not run)`);
  console.log(`Smoke run finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ passed, failed, checks }, null, 2));
  process.exit(failed > 0 ? 1 : 0);
}

process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killAll();
  process.exit(143);
});

main();
