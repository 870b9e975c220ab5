import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

// Polling with a deadline lives in test/support (unit and API specs use it too).
export { eventually } from '../../support/eventually';

/**
 * afterAll stops every process a test started, on failure too. Should the test process itself be
 * killed (Ctrl-C, a CI time-out) the kernel kills them as well where util-linux's setpriv is
 * there to ask for it (PR_SET_PDEATHSIG; it then execs the command, keeping the pid). Jest's
 * sandboxed `process` never sees the real 'exit' event, so a handler there would not do.
 */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

/** A started child process: its output (for failure messages), whether it still runs, and a stop. */
export class Child {
  private text = '';
  private spawnError?: Error;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly label: string,
    private readonly process: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.text += chunk.toString();
      if (this.text.length > 200_000) this.text = this.text.slice(-100_000);
      if (globalThis.process.env.CLUSTER_TEST_VERBOSE) globalThis.process.stdout.write(`[${label}] ${chunk}`);
    };
    process.stdout!.on('data', keep);
    process.stderr!.on('data', keep);
    this.exited = new Promise((done) =>
      process.once('exit', (code, signal) => {
        done({ code, signal });
      }),
    );
    // A command that cannot start (not installed) reports an error instead of exiting.
    process.once('error', (error) => {
      this.spawnError = error;
    });
  }

  static spawn(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Child {
    const [file, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', command, ...args]] : [command, args];
    return new Child(label, spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.pid !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** How it ended, for messages: "code 1" or "SIGKILL"; undefined while it runs. */
  get ending(): string | undefined {
    if (this.running) return undefined;
    if (this.spawnError) return `could not start: ${this.spawnError.message}`;
    if (this.process.pid === undefined) return undefined; // the spawn error is yet to be reported
    return this.process.signalCode ?? `code ${this.process.exitCode ?? '?'}`;
  }

  output(lastLines = 40): string {
    return this.text.trim().split('\n').slice(-lastLines).join('\n');
  }

  /** SIGTERM (or the given signal), then SIGKILL if it is still there after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
    if (!this.running || this.spawnError) return;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function freePort(): Promise<number> {
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

/**
 * Sends one inline command to a Redis server and resolves to its raw reply (RESP), e.g.
 * `redisCommand(port, 'PUBSUB NUMSUB cmc:realtime')`. One connection per call, nothing left open.
 */
export function redisCommand(port: number, command: string, timeoutMs = 1_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(reply);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`Redis on port ${port} did not answer "${command}"`)));
    socket.once('error', (error) => finish(error));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // Replies used here are one line, or an array whose last element is an integer line.
      if (/\r\n$/.test(reply) && (!reply.startsWith('*') || /:\d+\r\n$/.test(reply))) finish();
    });
  });
}
