import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database/data-source-options';
import { REALTIME_CHANNEL } from '@app/modules/realtime/realtime.service';
import { scratchDatabase } from '../../../scripts/db-scratch';
import { Child, eventually, freePort, redisCommand } from './processes';

const ROOT = resolve(__dirname, '../../..');
const MAIN_JS = join(ROOT, 'dist/backend/src/main.js');
const STARTUP_TIMEOUT_MS = 90_000;
/** The request channel @socket.io/redis-adapter subscribes for the default namespace, one subscriber per instance. */
const SOCKET_IO_REQUESTS = 'socket.io-request#/#';

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  checks: { database?: string; redis?: string };
}

/**
 * A redis-server of the test's own on a free port, without persistence, so that a test can stop
 * and restart it (on the same port) without touching the machine's shared Redis.
 */
export class PrivateRedis {
  private child?: Child;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  get running(): boolean {
    return !!this.child?.running;
  }

  /** Starts (or restarts) the server on its port; resolves once it answers PING. */
  async start(): Promise<void> {
    if (this.running) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = Child.spawn(`redis:${this.port}`, 'redis-server', [...args, '--daemonize', 'no'], {
      PATH: process.env.PATH ?? '',
    });
    this.child = child;
    await eventually(
      `redis-server on port ${this.port} to answer PING`,
      async () => {
        if (!child.running && child.ending !== undefined) {
          throw new Error(
            `redis-server ended (${child.ending}): the cluster tests need it on PATH (apt-get install redis-server)`,
          );
        }
        return (await redisCommand(this.port, 'PING')).startsWith('+PONG') ? true : undefined;
      },
      { timeoutMs: 10_000, describe: () => child.output() },
    );
  }

  /** Kills the server outright, as a crash or a lost network would, and waits until it is gone. */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
  }

  /** How many connections subscribe to `channel` right now. */
  async subscribers(channel: string): Promise<number> {
    const reply = await redisCommand(this.port, `PUBSUB NUMSUB ${channel}`);
    const match = /:(\d+)\r\n$/.exec(reply);
    if (!match) throw new Error(`Unexpected PUBSUB NUMSUB reply ${JSON.stringify(reply)}`);
    return Number(match[1]);
  }
}

/** One `node dist/backend/src/main.js` process of the cluster. */
export class AppInstance {
  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: Child,
  ) {}

  static async start(name: string, env: Record<string, string>): Promise<AppInstance> {
    const port = await freePort();
    const child = Child.spawn(
      name,
      process.execPath,
      [MAIN_JS],
      {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      ROOT,
    );
    const instance = new AppInstance(name, port, child);
    await eventually(
      `${name} (port ${port}) to answer GET /api/health`,
      async () => {
        if (!child.running) throw new Error(`${name} exited (${child.ending}) before it was healthy`);
        const response = await fetch(`${instance.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        return response.status === 200 ? true : undefined;
      },
      { timeoutMs: STARTUP_TIMEOUT_MS, intervalMs: 200, describe: () => `Its output:\n${child.output()}` },
    ).catch(async (error: Error) => {
      await child.stop();
      throw error;
    });
    return instance;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.running;
  }

  get ending(): string | undefined {
    return this.child.ending;
  }

  output(lastLines?: number): string {
    return this.child.output(lastLines);
  }

  async health(): Promise<Health> {
    const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return (await response.json()) as Health;
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

/**
 * Two processes of the BUILT server sharing one fresh MariaDB database and a private Redis, as a
 * production cluster behind a load balancer would. `start()` records everything it starts as it
 * goes, so `stop()` (in afterAll) cleans up after a start-up that failed half-way too.
 */
export class Cluster {
  redis?: PrivateRedis;
  one?: AppInstance;
  two?: AppInstance;
  /** The cluster's database, for what the tests read or set up directly (the outbox, a plan). */
  dataSource?: DataSource;
  private dropDatabase?: () => Promise<void>;
  private readonly dataDirs: string[] = [];

  async start(): Promise<void> {
    assertBuilt();
    this.redis = await PrivateRedis.start();
    const scratch = await scratchDatabase('mysql', 'cmc_cluster');
    this.dropDatabase = scratch.drop;
    if (scratch.config.type !== 'mysql') throw new Error('unreachable');
    const shared = {
      NODE_ENV: 'production',
      DATABASE_URL: scratch.config.url.replace(/^mysql:/, `${scratch.config.flavour}:`),
      REDIS_URL: this.redis.url,
      // Every instance of a cluster must sign and encrypt with the same secrets.
      JWT_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'false',
      DEMO_DATA: 'false',
      SERVE_WEB: 'false',
      MAIL_TRANSPORT: 'outbox',
      LOG_LEVEL: process.env.CLUSTER_TEST_LOG_LEVEL ?? 'warn',
    };
    // The first instance migrates the empty database; the second starts once it is healthy.
    this.one = await AppInstance.start('one', { ...shared, DATA_DIR: this.dataDir(), DB_MIGRATE_ON_START: 'true' });
    this.two = await AppInstance.start('two', { ...shared, DATA_DIR: this.dataDir(), DB_MIGRATE_ON_START: 'false' });
    this.dataSource = new DataSource(dataSourceOptions(scratch.config));
    await this.dataSource.initialize();
    await this.joined();
  }

  /**
   * Waits until both instances are connected to Redis and listening on the realtime channel and
   * the socket.io adapter's, which a health check alone does not show: only then does a publish
   * reach the other instance.
   */
  async joined(timeoutMs = 20_000): Promise<void> {
    const { one, two, redis } = this.require();
    await eventually(
      `both instances to (re)join Redis on port ${redis.port}`,
      async () => {
        const [h1, h2] = await Promise.all([one.health(), two.health()]);
        const subscribers = await redis.subscribers(REALTIME_CHANNEL);
        const adapters = await redis.subscribers(SOCKET_IO_REQUESTS);
        if (h1.checks.redis === 'up' && h2.checks.redis === 'up' && subscribers >= 2 && adapters >= 2) return true;
        throw new Error(
          `redis one=${h1.checks.redis}, two=${h2.checks.redis}; ${subscribers} on ${REALTIME_CHANNEL}, ${adapters} on ${SOCKET_IO_REQUESTS}`,
        );
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  require(): { one: AppInstance; two: AppInstance; redis: PrivateRedis; dataSource: DataSource } {
    const { one, two, redis, dataSource } = this;
    if (!one || !two || !redis || !dataSource) throw new Error('The cluster did not start (see beforeAll)');
    return { one, two, redis, dataSource };
  }

  /** Everything the instances printed lately, for failure messages. */
  output(): string {
    return [this.one, this.two]
      .filter((i): i is AppInstance => !!i)
      .map((i) => `--- ${i.name} (${i.ending ?? 'running'}):\n${i.output(25)}`)
      .join('\n');
  }

  /** Stops every process and removes the database and directories; never throws. */
  async stop(): Promise<void> {
    const attempt = async (step: () => Promise<unknown> | undefined) => {
      try {
        await step();
      } catch (error) {
        console.warn(`Cluster clean-up: ${(error as Error).message}`);
      }
    };
    await Promise.all([attempt(() => this.one?.stop()), attempt(() => this.two?.stop())]);
    await attempt(() => this.redis?.kill());
    await attempt(() => (this.dataSource?.isInitialized ? this.dataSource.destroy() : undefined));
    if (!process.env.KEEP_TEST_DATABASE) await attempt(() => this.dropDatabase?.());
    for (const dir of this.dataDirs) rmSync(dir, { recursive: true, force: true });
  }

  private dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cmc-cluster-'));
    this.dataDirs.push(dir);
    return dir;
  }
}

function assertBuilt(): void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(
      `The cluster tests run the built server, but ${MAIN_JS.replace(`${ROOT}/`, '')} is missing. ` +
        'Run `npm run build:api` first.',
    );
  }
  const builtAt = statSync(MAIN_JS).mtimeMs;
  const stale = newerSource(join(ROOT, 'backend/src'), builtAt);
  if (stale) {
    console.warn(
      `Cluster tests: ${stale.replace(`${ROOT}/`, '')} is newer than the build in dist/. Run \`npm run build:api\` to test the current code.`,
    );
  }
}

function newerSource(dir: string, builtAt: number): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerSource(path, builtAt);
      if (found) return found;
    } else if (entry.name.endsWith('.ts') && !entry.name.includes('.spec.') && statSync(path).mtimeMs > builtAt) {
      return path;
    }
  }
  return undefined;
}
