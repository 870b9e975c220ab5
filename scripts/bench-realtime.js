#!/usr/bin/env node
/**
 * `npm run bench:realtime`: live delivery under load, on the built server. Not part of the test
 * suite; numbers depend on the machine.
 *
 * Starts the built app (embedded SQLite in a fresh DATA_DIR, demo data), adds N childminders
 * (copied from the demo childminder's row, each with a session, so no password hashing is
 * needed), connects one SSE stream and one socket.io client per childminder (N + N clients),
 * then has the demo parent (on Plus) send messages round-robin to them at a fixed rate through
 * the API. Each message must reach its recipient on both connections. Prints the fan-out
 * latency (from the start of the POST to the event arriving at the client) p50/p95/p99, the
 * deliveries lost, and the server's RSS per connection.
 *
 * With `--instances 2` two app processes share the database and Redis (REDIS_URL, default
 * redis://127.0.0.1:6379/6): messages are sent through instance 1, and each recipient's SSE
 * stream and socket.io client are on different instances, so every delivery crosses Redis for
 * one of them.
 *
 * Usage: npm run build && npm run bench:realtime [-- --clients 500 --rate 20 --seconds 15 --instances 1]
 * The goal (issue 16, goal 6) is `--clients 10000 --rate 200` (10,000 SSE + 10,000 socket.io
 * clients, 200 messages a second) on one instance with RSS <= 1 GB, p95 <= 100 ms and nothing
 * lost, and the same with `--instances 2` through Redis; the default is smaller so that it runs
 * in about a minute on 2 cores. Each client holds two sockets in this process and two in the
 * server's, so when the open-file limit is too low for --clients the script runs itself again
 * under a raised `ulimit -n` (the servers inherit it).
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, existsSync, readFileSync } = require('node:fs');
const { tmpdir, cpus } = require('node:os');
const { join } = require('node:path');
const http = require('node:http');
const { randomUUID, randomBytes } = require('node:crypto');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
const CLIENTS = Math.floor(arg('clients', 500));
const RATE = arg('rate', 20);
const SECONDS = arg('seconds', 15);
const INSTANCES = Math.floor(arg('instances', 1));
const GRACE_MS = 5_000;
const CONNECT_CONCURRENCY = 50;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/6';
const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'backend', 'src', 'main.js');
const JWT_SECRET = randomBytes(32).toString('hex');

if (![1, 2].includes(INSTANCES)) throw new Error('--instances is 1 or 2');
const GOAL = { clients: 10_000, rate: 200, p95Ms: 100, rssMb: 1024 };

/**
 * 2 sockets per client here and in a server, plus headroom. Returns true when this process was
 * started again under a higher limit (the caller then only waits for it).
 */
function ensureOpenFileLimit() {
  const needed = CLIENTS * 2 + 2_000;
  if (process.env.BENCH_REALTIME_RAISED) return false;
  const { execFileSync, spawnSync } = require('node:child_process');
  const limit = (flag) => Number(execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim());
  const soft = limit('-n');
  if (!Number.isFinite(soft) || soft >= needed) return false;
  const hard = limit('-Hn');
  if (Number.isFinite(hard) && hard < needed) {
    console.error(
      `--clients ${CLIENTS} needs ${needed} open files per process (this one and the server); ` +
        `the hard limit here is ${hard}. Raise it (ulimit -Hn as root, LimitNOFILE, limits.conf) ` +
        `or use --clients ${Math.floor((hard - 2_000) / 2)} or fewer.`,
    );
    process.exitCode = 1;
    return true;
  }
  const command = `ulimit -n ${needed} && exec "$0" "$@"`;
  const run = spawnSync('sh', ['-c', command, process.execPath, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_REALTIME_RAISED: '1' },
  });
  process.exitCode = run.status ?? 1;
  return true;
}

async function main() {
  if (!existsSync(MAIN)) throw new Error('Build first: npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-bench-realtime-'));
  const servers = [];
  try {
    // The first instance migrates and seeds; a second one starts on the ready database.
    servers.push(await startServer(dataDir, 0));
    if (INSTANCES === 2) servers.push(await startServer(dataDir, 1));
    const [one] = servers;

    const parent = await login(one, 'parent.demo@example.com', 'Demo-Parent-2026');
    const minder = await login(one, 'childminder.demo@example.com', 'Demo-Minder-2026');
    const started = performance.now();
    const recipients = addRecipients(dataDir, minder, CLIENTS);
    console.log(`Added ${CLIENTS} childminders with sessions in ${seconds(started)} s`);

    // One conversation per recipient before measuring, so the run measures delivery only.
    const warm = performance.now();
    await pool(recipients, 20, async (r) => {
      const sent = await post(one, '/api/dashboard/parent/messages/send', parent.token, {
        recipientId: r.id,
        text: 'Hello (bench warm-up)',
      });
      if (sent.status !== 201) throw new Error(`Warm-up send failed: ${sent.status} ${sent.body}`);
      r.conversationId = JSON.parse(sent.body).message.conversationId;
    });
    console.log(`Started ${CLIENTS} conversations in ${seconds(warm)} s`);

    const rssBefore = servers.map((s) => rssOf(s.child.pid));
    const received = new Map(); // tag -> { sse: ms, socket: ms }
    const sentAt = new Map(); // tag -> performance.now() at the start of the POST
    const record = (kind) => (text) => {
      const tag = /bench:(\d+)/.exec(text)?.[1];
      const start = tag === undefined ? undefined : sentAt.get(tag);
      if (start === undefined) return;
      const now = performance.now();
      const entry = received.get(tag) ?? {};
      if (entry[kind] === undefined) entry[kind] = now - start;
      received.set(tag, entry);
    };
    const connectStart = performance.now();
    const closers = [];
    await pool(recipients, CONNECT_CONCURRENCY, async (r, i) => {
      const sseServer = servers[i % servers.length];
      const socketServer = servers[(i + 1) % servers.length];
      closers.push(await openSse(sseServer, r.token, record('sse')));
      closers.push(await openSocket(socketServer, r.token, record('socket')));
    });
    console.log(`Connected ${CLIENTS} SSE + ${CLIENTS} socket.io clients in ${seconds(connectStart)} s`);
    await sleep(1_000);
    const rssConnected = servers.map((s) => rssOf(s.child.pid));

    // Fixed-rate sends: message k goes to recipient k mod N.
    const total = Math.round(RATE * SECONDS);
    let failed = 0;
    const sends = [];
    const runStart = performance.now();
    for (let k = 0; k < total; k++) {
      const due = runStart + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const tag = String(k);
      const recipient = recipients[k % recipients.length];
      sentAt.set(tag, performance.now());
      sends.push(
        post(one, '/api/dashboard/parent/messages/send', parent.token, {
          conversationId: recipient.conversationId,
          text: `Bench message bench:${tag}`,
        }).then(
          (res) => {
            if (res.status !== 201) failed++;
          },
          () => failed++,
        ),
      );
    }
    await Promise.all(sends);
    const sendSeconds = (performance.now() - runStart) / 1000;
    const deadline = performance.now() + GRACE_MS;
    while (performance.now() < deadline && countDeliveries(received) < total * 2) await sleep(100);
    const rssEnd = servers.map((s) => rssOf(s.child.pid));

    const sse = [];
    const socket = [];
    for (const entry of received.values()) {
      if (entry.sse !== undefined) sse.push(entry.sse);
      if (entry.socket !== undefined) socket.push(entry.socket);
    }
    const all = [...sse, ...socket];
    const lost = (total - failed) * 2 - all.length;

    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
    const connectionsPerInstance = (2 * CLIENTS) / servers.length;
    console.log('');
    console.log(
      `bench:realtime: ${INSTANCES} instance${INSTANCES > 1 ? 's (Redis fan-out)' : ''}, ${CLIENTS} SSE + ${CLIENTS} socket.io clients, ` +
        `${RATE} msg/s for ${SECONDS} s, ${cpus().length} cores`,
    );
    console.log(`messages sent: ${total - failed} of ${total} (${failed} failed) in ${sendSeconds.toFixed(1)} s`);
    console.log(`fan-out latency, POST start -> event at client (ms):`);
    for (const [name, values] of [
      ['SSE', sse],
      ['socket.io', socket],
      ['all', all],
    ]) {
      const q = quantiles(values);
      console.log(
        `  ${name.padEnd(10)} p50 ${q.p50.toFixed(1).padStart(7)}  p95 ${q.p95.toFixed(1).padStart(7)}  p99 ${q.p99.toFixed(1).padStart(7)}  max ${q.max.toFixed(1).padStart(7)}  (n=${values.length})`,
      );
    }
    console.log(`deliveries lost: ${lost} of ${(total - failed) * 2}`);
    servers.forEach((server, i) => {
      const perConnection = (rssConnected[i] - rssBefore[i]) / connectionsPerInstance;
      console.log(
        `instance ${i + 1} RSS: ${mb(rssBefore[i])} MB before clients, ${mb(rssConnected[i])} MB with ${connectionsPerInstance} connections, ` +
          `${mb(rssEnd[i])} MB after the run -> ${(perConnection / 1024).toFixed(1)} KB per connection`,
      );
    });
    const p95 = quantiles(all).p95;
    const worstRss = Math.max(...rssEnd);
    const atGoalSize = CLIENTS >= GOAL.clients && RATE >= GOAL.rate;
    const met = atGoalSize && worstRss / 1024 / 1024 <= GOAL.rssMb && p95 <= GOAL.p95Ms && lost === 0 && failed === 0;
    console.log(
      `goal at --clients ${GOAL.clients} --rate ${GOAL.rate}: RSS <= ${GOAL.rssMb} MB, p95 <= ${GOAL.p95Ms} ms, 0 lost. ` +
        `This run: RSS ${mb(worstRss)} MB, p95 ${p95.toFixed(0)} ms, ${lost} lost` +
        (atGoalSize ? (met ? ': goal met.' : ': goal MISSED.') : ' (smaller than the goal: not judged).'),
    );
    for (const close of closers) close();
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- server ----

async function startServer(dataDir, index) {
  const port = 3900 + Math.floor(Math.random() * 900);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? tmpdir(),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    JWT_SECRET,
    ENCRYPTION_KEY: sharedEncryptionKey(),
    // Long enough for a large run's set-up (the bench's own tokens last an hour too).
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    JOBS_ENABLED: 'false',
    SERVE_WEB: 'false',
    LOG_LEVEL: 'warn',
    ...(INSTANCES === 2 ? { REDIS_URL } : {}),
  };
  let output = '';
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c) => (output = (output + c).slice(-20_000)));
  child.stderr.on('data', (c) => (output = (output + c).slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const server = {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`Instance ${index + 1} exited:\n${output}`);
    const ok = await request(server, 'GET', '/api/health').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return server;
    await sleep(100);
  }
  await server.stop();
  throw new Error(`Instance ${index + 1} did not become healthy:\n${output}`);
}

let encryptionKey;
/** The same 32-byte key for every instance of the run. */
function sharedEncryptionKey() {
  encryptionKey ??= randomBytes(32).toString('hex');
  return encryptionKey;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

// ---- users ----

async function login(server, email, password) {
  const res = await post(server, '/api/auth/login', undefined, { email, password });
  if (res.status !== 200) throw new Error(`Login of ${email} failed: ${res.status} ${res.body}`);
  const token = JSON.parse(res.body).accessToken;
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  return { token, claims };
}

/**
 * N childminders copied from the demo childminder's row, each with a copy of her session, and an
 * access token per user signed the way the server signs them (the run chose JWT_SECRET).
 */
function addRecipients(dataDir, template, count) {
  const Database = require('better-sqlite3');
  const jwt = require('jsonwebtoken');
  const db = new Database(join(dataDir, 'childminder-connect.sqlite'));
  db.pragma('busy_timeout = 10000');
  try {
    const copy = (table, whereId, overrides) => {
      const columns = db
        .prepare(`PRAGMA table_info("${table}")`)
        .all()
        .map((c) => c.name);
      const select = columns.map((c) => (c in overrides ? `@${c}` : `"${c}"`)).join(', ');
      return db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM "${table}" WHERE id = '${whereId}'`,
      );
    };
    const insertUser = copy('users', template.claims.sub, { id: '', email: '' });
    const insertSession = copy('auth_sessions', template.claims.sid, { id: '', userId: '' });
    const recipients = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        const sid = randomUUID();
        insertUser.run({ id, email: `bench.minder.${i}.${id.slice(0, 8)}@example.com` });
        insertSession.run({ id: sid, userId: id });
        const token = jwt.sign({ sub: id, role: template.claims.role, sid, typ: 'access' }, JWT_SECRET, {
          algorithm: 'HS256',
          issuer: template.claims.iss,
          expiresIn: 3600,
          jwtid: randomUUID(),
        });
        recipients.push({ id, token, conversationId: null });
      }
    })();
    return recipients;
  } finally {
    db.close();
  }
}

// ---- clients ----

/** An SSE stream: ticket first, then the stream; `onText` gets each message.created's text. */
async function openSse(server, token, onText) {
  const ticket = await post(server, '/api/messages/sse/ticket', token, {});
  if (ticket.status !== 201) throw new Error(`SSE ticket failed: ${ticket.status} ${ticket.body}`);
  const path = `/api/messages/sse?ticket=${encodeURIComponent(JSON.parse(ticket.body).ticket)}`;
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`SSE answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!ready && frame.includes(': ready')) {
            ready = true;
            resolve(() => req.destroy());
          }
          if (frame.includes('event: message.created')) {
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (data) onText(JSON.parse(data.slice(6)).data.message.text);
          }
        }
      });
    });
    req.on('error', reject);
  });
}

async function openSocket(server, token, onText) {
  const { io } = require('socket.io-client');
  const socket = io(`http://127.0.0.1:${server.port}`, {
    path: '/api/socketio',
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  socket.on('message.created', (envelope) => onText(envelope.data.message.text));
  await new Promise((resolve, reject) => {
    socket.once('ready', resolve);
    socket.once('connect_error', reject);
    socket.once('disconnect', (reason) => reject(new Error(`socket.io disconnected: ${reason}`)));
  });
  return () => socket.disconnect();
}

// ---- helpers ----

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(server, path, token, body) {
  return request(server, 'POST', path, body, token ? { authorization: `Bearer ${token}` } : {});
}

/**
 * One HTTP request on the keep-alive agent. A reused socket the server closed just then fails
 * with ECONNRESET before the request reached the server: that case is sent again (as Node's
 * documentation advises), anything else is an error.
 */
function request(server, method, path, body, headers = {}, retried = false) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        agent,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      },
    );
    req.on('error', (error) => {
      if (!retried && req.reusedSocket && error.code === 'ECONNRESET') {
        request(server, method, path, body, headers, true).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    req.end(data);
  });
}

async function pool(items, concurrency, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function countDeliveries(received) {
  let n = 0;
  for (const entry of received.values()) n += (entry.sse !== undefined) + (entry.socket !== undefined);
  return n;
}

function quantiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

if (!ensureOpenFileLimit()) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
