#!/usr/bin/env node
/**
 * `npm run bench:web`: what a first visit costs in a browser (issue 16, goal 4). Starts the built
 * server on the embedded default (a throw-away data directory, demo data), then opens the home
 * page, a search with a postcode (the map included) and a childminder's profile in headless
 * Chromium (Debian's, through playwright-core, as the browser specs do) on localhost, each as a
 * new visitor with an empty cache, and prints per page:
 *   - the bytes transferred, everything included (documents, scripts, styles, fonts, API calls),
 *     as Chromium's network layer counts them (compressed bodies plus headers);
 *   - the largest contentful paint (PerformanceObserver 'largest-contentful-paint');
 * against the goals: home <= 350 kB, search <= 500 kB, LCP <= 0.5 s. Each page is visited once to
 * warm the server, then measured --runs times (default 5); the median is printed, with the range.
 * Also prints the initial JavaScript and CSS of the build (what index.html loads). Results go to
 * bench/results/web-<time>.json. Never part of `npm test`.
 *
 * Usage: npm run build && npm run bench:web [-- --runs 5 --server <main.js>]
 */
'use strict';

const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { loadavg, tmpdir } = require('node:os');
const { dirname, join, resolve } = require('node:path');
const { chromium } = require('playwright-core');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  return value === undefined || value.startsWith('--') ? true : value;
};
const ROOT = join(__dirname, '..');
const RUNS = Number(arg('runs', 5));
// --server measures another build (e.g. main's) for before/after figures in one sitting. The
// server serves the web build at <its package root>/dist/frontend/browser.
const MAIN = resolve(arg('server', join(ROOT, 'dist', 'backend', 'src', 'main.js')));
const WEB = join(dirname(MAIN), '..', '..', 'frontend', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LCP_GOAL_MS = 500;

async function main() {
  if (!existsSync(MAIN)) throw new Error(`Build first (npm run build): ${MAIN} is missing`);
  if (!existsSync(join(WEB, 'index.html'))) throw new Error(`Build the web app first (npm run build:web): ${WEB}`);
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

  const initial = initialFiles(WEB);
  console.log(
    `Initial files of the build: ${kB(initial.js)} of JavaScript and ${kB(initial.css)} of CSS raw ` +
      `(goal: JavaScript <= 450 kB) ${initial.js <= 450_000 ? 'met' : 'MISSED'}`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-bench-web-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });
  try {
    const profileId = await firstChildminderId(server.url);
    const pages = [
      { name: 'home', path: '/', ready: 'h1', goalBytes: 350_000 },
      {
        name: 'search M20 (with the map)',
        path: '/search?postcode=M20',
        ready: '.leaflet-container',
        goalBytes: 500_000,
      },
      { name: 'childminder profile', path: `/childminders/${profileId}`, ready: 'h1', goalBytes: null },
    ];
    const rows = [];
    for (const target of pages) {
      await visit(browser, server.url, target); // warms the server (JIT, database pages)
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server.url, target));
      const bytes = median(runs.map((r) => r.bytes));
      const lcp = median(runs.map((r) => r.lcpMs));
      const row = {
        page: target.name,
        path: target.path,
        bytes,
        bytesRange: range(runs.map((r) => r.bytes)),
        requests: median(runs.map((r) => r.requests)),
        byType: runs[0].byType,
        lcpMs: lcp,
        lcpRange: range(runs.map((r) => r.lcpMs)),
        lcpElement: runs[0].lcpElement,
        bytesGoal: target.goalBytes,
        bytesMet: target.goalBytes === null ? null : bytes <= target.goalBytes,
        lcpMet: lcp <= LCP_GOAL_MS,
      };
      rows.push(row);
      const goal =
        target.goalBytes === null ? '' : ` (goal <= ${kB(target.goalBytes)}: ${row.bytesMet ? 'met' : 'MISSED'})`;
      console.log(
        `${row.page.padEnd(28)} ${kB(bytes).padStart(9)} in ${row.requests} requests${goal}; ` +
          `LCP ${lcp} ms [${row.lcpRange.join('-')}] (goal <= ${LCP_GOAL_MS} ms: ${row.lcpMet ? 'met' : 'MISSED'}), ` +
          `on ${row.lcpElement}`,
      );
      console.log(
        `${''.padEnd(28)} ${Object.entries(row.byType)
          .map(([type, n]) => `${type} ${kB(n)}`)
          .join(', ')}`,
      );
    }
    const load = loadavg()[0].toFixed(1);
    console.log(`Load average while measuring: ${load} (LCP is noisy on a busy machine)`);
    const out = join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ server: MAIN, runs: RUNS, loadAverage: Number(load), initial, rows }, null, 2),
    );
    console.log(`Written to ${file}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One first visit: a new context (empty cache, no cookies), desktop size, British locale. */
async function visit(browser, baseURL, target) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      globalThis.__lcp = { time: 0, element: '' };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const el = entry.element;
          const name = el
            ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`
            : '?';
          globalThis.__lcp = { time: entry.startTime, element: name };
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map();
    const byType = {};
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const type = (types.get(e.requestId) ?? 'Other').toLowerCase();
      byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(target.path, { waitUntil: 'load' });
    await page.locator(target.ready).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    // LCP stops at the first input; nothing is clicked, so this is the final candidate.
    const lcp = await page.evaluate(() => globalThis.__lcp);
    return { bytes, requests, byType, lcpMs: Math.round(lcp.time), lcpElement: lcp.element };
  } finally {
    await context.close();
  }
}

/**
 * The initial files (raw bytes): the stylesheets and scripts index.html loads, and every chunk
 * those scripts import statically (`import"./chunk-X.js"`, `from"./chunk-X.js"`; not `import(`).
 */
function initialFiles(web) {
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const sizes = { js: 0, css: 0 };
  const seen = new Set();
  const pending = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  while (pending.length) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(web, file), 'utf8');
    if (file.endsWith('.css')) {
      sizes.css += Buffer.byteLength(text);
      continue;
    }
    sizes.js += Buffer.byteLength(text);
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) pending.push(m[1]);
  }
  return sizes;
}

async function firstChildminderId(url) {
  const response = await fetch(`${url}/api/childminders/search?postcode=M20&radiusMiles=10`);
  if (!response.ok) throw new Error(`The demo search answered ${response.status}`);
  const page = await response.json();
  if (!page.items?.length) throw new Error('The demo search found no childminder');
  return page.items[0].id;
}

async function startServer(dataDir) {
  const port = 3800 + Math.floor(Math.random() * 100);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The server did not answer /api/health within 180 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values) => [Math.min(...values), Math.max(...values)];

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
