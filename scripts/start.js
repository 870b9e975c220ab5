#!/usr/bin/env node
/**
 * `npm start`: installs (when needed), builds (when needed) and starts Childminder Connect.
 *
 * Plain Node with no dependencies, so that it runs on a fresh clone before `npm ci`:
 *   1. `npm ci` when node_modules is missing or package-lock.json changed since the last install;
 *   2. `npm run build:api` / `npm run build:web` when dist is missing or older than the sources;
 *   3. `node dist/backend/src/main.js`, which prints the URL and the demo logins.
 *
 * With no configuration the server runs on SQLite under ./data with demo data. Everything is set
 * through the environment (.env.example lists it), e.g. a second instance beside the first:
 *   PORT=4000 DATA_DIR=./data-2 npm start
 *
 * scripts/test-all.js reuses the install and build steps exported from here.
 */
'use strict';

const { spawn } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'backend', 'src', 'main.js');
const WEB_INDEX = join(ROOT, 'dist', 'frontend', 'browser', 'index.html');
const MIN_NODE = [20, 19, 0];

/** Sources of each build and the file whose age stands for that build's output. */
const BUILDS = [
  {
    name: 'api',
    script: 'build:api',
    output: SERVER_ENTRY,
    sources: ['backend/src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
  },
  {
    name: 'web',
    script: 'build:web',
    output: WEB_INDEX,
    sources: [
      'frontend/src',
      'frontend/public',
      'frontend/tsconfig.json',
      'frontend/tsconfig.app.json',
      'angular.json',
    ],
  },
];

function log(message) {
  console.log(`[start] ${message}`);
}

function checkNodeVersion() {
  const current = process.versions.node.split('.').map(Number);
  for (let i = 0; i < MIN_NODE.length; i++) {
    if (current[i] > MIN_NODE[i]) return;
    if (current[i] < MIN_NODE[i]) {
      console.error(
        `Childminder Connect needs Node.js ${MIN_NODE.join('.')} or newer (20.x or 22.x); this is ${process.version}.`,
      );
      process.exit(1);
    }
  }
}

/** How to run npm: the npm that started us when there is one, else the one on PATH. */
function npmInvocation(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) return { command: process.execPath, args: [npmCli, ...args] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args, shell: process.platform === 'win32' };
}

/**
 * Runs npm with the terminal attached; resolves to its exit code. A signal sent to this script
 * (rather than to the whole terminal group) is passed on, so no npm is left running on its own.
 */
function runNpm(args, options = {}) {
  const { command, args: fullArgs, shell } = npmInvocation(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, fullArgs, { cwd: ROOT, stdio: 'inherit', shell, ...options });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = () => signals.forEach((signal) => process.removeListener(signal, forward));
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      done();
      if (signal) {
        console.error(`npm ${args.join(' ')} was stopped by ${signal}`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      resolve(code ?? 1);
    });
  });
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time under the given files and folders (specs excluded). */
function newestSourceTime(paths) {
  let newest = 0;
  const visit = (path) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs); // a deleted file shows as a changed folder
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
    } else if (!/\.spec\.ts$/.test(path)) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const path of paths) visit(join(ROOT, path));
  return newest;
}

/** Why `npm ci` is needed, or undefined when node_modules matches package-lock.json. */
function installReason() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(join(ROOT, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(marker)) return 'node_modules was not installed by npm';
  if (mtimeOf(join(ROOT, 'package-lock.json')) > mtimeOf(marker))
    return 'package-lock.json changed since the last install';
  return undefined;
}

/** Runs `npm ci` when needed; resolves to false when it failed. */
async function ensureInstalled({ prefix = '[start]' } = {}) {
  const reason = installReason();
  if (!reason) return true;
  console.log(`${prefix} Installing dependencies (${reason}): npm ci --no-audit --no-fund`);
  return (await runNpm(['ci', '--no-audit', '--no-fund'])) === 0;
}

/** The builds whose output is missing or older than their sources. */
function staleBuilds() {
  return BUILDS.filter((build) => {
    const built = mtimeOf(build.output);
    return built === 0 || newestSourceTime(build.sources) > built;
  });
}

/** Builds what is stale (everything with `force`); resolves to false when a build failed. */
async function ensureBuilt({ prefix = '[start]', force = false } = {}) {
  const stale = force ? BUILDS : staleBuilds();
  for (const build of stale) {
    const why = mtimeOf(build.output) === 0 ? 'not built yet' : 'sources changed';
    console.log(`${prefix} Building the ${build.name} (${force ? 'requested' : why}): npm run ${build.script}`);
    const started = Date.now();
    if ((await runNpm(['run', build.script])) !== 0) {
      console.error(`${prefix} The ${build.name} build failed (npm run ${build.script}).`);
      return false;
    }
    console.log(`${prefix} Built the ${build.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return true;
}

/** Starts the built server in the foreground and hands it the signals this process receives. */
function startServer() {
  log(`Starting node ${relative(ROOT, SERVER_ENTRY)}`);
  // Its own process group, so a Ctrl-C in the terminal reaches the server once (through us), not
  // twice (once from the terminal, once forwarded): a second SIGINT would cut its shutdown short.
  const detached = process.platform !== 'win32';
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached,
  });

  const lastForwarded = new Map();
  const forward = (signal) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // npm and the terminal may deliver the same Ctrl-C to us twice within a moment: pass it on
    // once; a repeat after a second is the user insisting, and is passed on too.
    const now = Date.now();
    if (now - (lastForwarded.get(signal) ?? 0) < 1000) return;
    lastForwarded.set(signal, now);
    child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(signal, () => forward(signal));
  // If we go away for any other reason, do not leave the server running on its own.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });

  child.on('error', (error) => {
    console.error(`[start] Could not start the server: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Leave the way the server left (conventional 128 + signal number).
      const number = require('node:os').constants.signals[signal] ?? 15;
      process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 128 + number);
    }
    process.exit(code ?? 0);
  });
}

async function main() {
  checkNodeVersion();
  if (!(await ensureInstalled())) {
    console.error('[start] npm ci failed: see the messages above.');
    process.exit(1);
  }
  if (!(await ensureBuilt())) process.exit(1);
  startServer();
}

module.exports = {
  ROOT,
  SERVER_ENTRY,
  WEB_INDEX,
  checkNodeVersion,
  ensureInstalled,
  ensureBuilt,
  runNpm,
  npmInvocation,
};

if (require.main === module) {
  main().catch((error) => {
    console.error('[start]', error);
    process.exit(1);
  });
}
