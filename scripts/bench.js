#!/usr/bin/env node
/**
 * `npm run bench`: throughput of the built server on the embedded default, measured in one run
 * so the ratios compare like with like. Not part of the test suite; numbers depend on the machine.
 *   - a public endpoint (no auth, no database) as the baseline;
 *   - an authenticated read (JWT check + live-session lookup + user read);
 *   - an authenticated list (activity page);
 *   - the public childminder search (M20, 10 miles: about 60 demo childminders in range), then the
 *     same search by days and times, which expands every candidate's availability.
 * Usage: npm run build && npm run bench [-- --seconds 5 --connections 32]
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const http = require('node:http');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 32);
const PORT = 3900 + Math.floor(Math.random() * 90);
const MAIN = join(__dirname, '..', 'dist', 'backend', 'src', 'main.js');

async function main() {
  if (!existsSync(MAIN)) throw new Error('Build first: npm run build:api');
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-bench-'));
  const server = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`/api/health`);
    const login = await request('POST', '/api/auth/login', {
      email: 'parent.demo@example.com',
      password: 'Demo-Parent-2026',
    });
    const auth = { authorization: `Bearer ${JSON.parse(login.body).accessToken}` };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const results = [];
    for (const [name, path, headers] of [
      ['public liveness', '/api/health/live', {}],
      ['signed-in GET /api/users/me', '/api/users/me', auth],
      ['signed-in activity page', '/api/user/activity?pageSize=20', auth],
      ['search M20 10 miles', '/api/childminders/search?postcode=M20&radiusMiles=10', {}],
      [
        'search + Mon,Wed 09:00-12:00',
        '/api/childminders/search?postcode=M20&radiusMiles=10&days=monday,wednesday&from=09:00&to=12:00',
        {},
      ],
    ]) {
      results.push({ name, ...(await load(agent, path, headers)) });
    }
    const base = results[0].rps;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS}s each, ${require('node:os').cpus().length} cores\n`);
    for (const r of results) {
      console.log(
        `${r.name.padEnd(30)} ${String(Math.round(r.rps)).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}  ratio ${(r.rps / base).toFixed(2)}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function load(agent, path, headers) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const start = process.hrtime.bigint();
      const res = await request('GET', path, undefined, headers, agent).catch(() => ({ status: 0 }));
      if (res.status !== 200) errors++;
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  return Promise.all(Array.from({ length: CONNECTIONS }, worker)).then(() => {
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), errors };
  });
}

function request(method, path, body, headers = {}, agent) {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
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
    req.on('error', reject);
    req.end(data);
  });
}

async function waitFor(path) {
  for (let i = 0; i < 200; i++) {
    const ok = await request('GET', path).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
