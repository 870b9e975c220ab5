import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN_JS = join(ROOT, 'dist/backend/src/main.js');
const INDEX_HTML = join(ROOT, 'dist/frontend/browser/index.html');
const STARTUP_TIMEOUT_MS = 60_000;

export interface RunningServer {
  /** `http://localhost:<port>`: the browser opens this (also the app's PUBLIC_URL). */
  baseUrl: string;
  port: number;
  /** The run's own DATA_DIR; the SQLite file and the outbox live here. */
  dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the BUILT app (`node dist/backend/src/main.js`) the way a user runs it: embedded SQLite
 * in a fresh temporary DATA_DIR, migrated and loaded with demo data on first start. Resolves
 * once GET /api/health answers 200.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  assertBuilt();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-browser-'));
  let output = '';
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      JOBS_ENABLED: 'false',
      LOG_LEVEL: process.env.BROWSER_TEST_LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const stop = async () => {
    await terminate(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, dataDir, output: () => output, stop };
}

function assertBuilt(): void {
  const missing = [MAIN_JS, INDEX_HTML].filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `The browser tests run the built app, but ${missing.map((f) => f.replace(`${ROOT}/`, '')).join(' and ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} missing. Run \`npm run build\` first.`,
    );
  }
  const stale = newerSource(Math.min(statSync(MAIN_JS).mtimeMs, statSync(INDEX_HTML).mtimeMs));
  if (stale) {
    console.warn(
      `Browser tests: ${stale} is newer than the build in dist/. Run \`npm run build\` to test the current code.`,
    );
  }
}

/** The first source file changed after the build, if any. */
function newerSource(builtAt: number): string | undefined {
  const walk = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (
        /\.(ts|html|scss|css)$/.test(entry.name) &&
        !entry.name.includes('.spec.') &&
        statSync(path).mtimeMs > builtAt
      ) {
        return path.replace(`${ROOT}/`, '');
      }
    }
    return undefined;
  };
  for (const dir of ['backend/src', 'frontend/src']) {
    const found = existsSync(join(ROOT, dir)) ? walk(join(ROOT, dir)) : undefined;
    if (found) return found;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`The app exited with code ${exitCode} before it was healthy. Its output:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `The app did not answer GET ${baseUrl}/api/health within ${STARTUP_TIMEOUT_MS / 1000}s (${lastProblem}). Its output:\n${output()}`,
  );
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
