import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigurationError, ENVIRONMENT_VARIABLES, parseEnvironment } from './environment';

const ENV_EXAMPLE = resolve(__dirname, '..', '..', '..', '.env.example');

/** `.env.example` as name/value pairs, in file order (comments and blank lines skipped). */
function readEnvExample(): [string, string][] {
  return readFileSync(ENV_EXAMPLE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (!match) throw new Error(`.env.example: not a NAME=value line: ${line}`);
      return [match[1], match[2]];
    });
}

/** The ConfigurationError the call throws (fails the test when it throws nothing or something else). */
function configurationErrorOf(call: () => unknown): ConfigurationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError, but nothing was thrown');
}

const tempDirs: string[] = [];
const tempDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmc-config-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe(parseEnvironment.name, () => {
  describe('.env.example', () => {
    it('lists every variable the server reads, once, and nothing else', () => {
      const names = readEnvExample().map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
      expect([...names].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
    });

    it('holds values that pass validation and amount to the embedded default', () => {
      const example = Object.fromEntries(readEnvExample());
      expect(() => parseEnvironment(example)).not.toThrow();
      const config = AppConfig.fromEnvironment({ ...example, DATA_DIR: tempDataDir() });
      expect(config.database.type).toBe('sqlite');
      expect(config.mail.transport).toBe('outbox');
      expect(config.demoData).toBe(true);
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://x'],
    ['REDIS_URL', 'foo'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'too-short'],
    ['CRON_SECRET', 'too-short'],
    ['ENCRYPTION_KEY', 'not-hex'],
    ['DEMO_DATA', 'maybe'],
    ['PUBLIC_URL', 'localhost'],
    ['MAP_TILE_URL', 'http://tiles.example/{z}/{x}/{y}.png'],
    ['MAP_TILE_URL', 'https://tiles.example/tile.png'],
  ])('rejects %s=%s with an error naming the variable', (name, value) => {
    const error = configurationErrorOf(() => parseEnvironment({ [name]: value }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(error.message).toContain(name);
  });

  it('names every malformed variable at once', () => {
    const error = configurationErrorOf(() =>
      parseEnvironment({ PORT: 'abc', DATABASE_URL: 'postgres://x', REDIS_URL: 'foo' }),
    );
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'REDIS_URL',
    ]);
  });

  it('accepts the production forms of the URLs', () => {
    const env = parseEnvironment({
      PORT: '8080',
      DATABASE_URL: 'mysql://app:secret@db:3306/childminder',
      REDIS_URL: 'redis://redis:6379',
      DEMO_DATA: 'false',
    });
    expect(env).toMatchObject({ PORT: 8080, DEMO_DATA: false, REDIS_URL: 'redis://redis:6379' });
  });

  it('names a secret and its rule but never prints its value; other values are shown', () => {
    const secrets = {
      JWT_SECRET: 'short-jwt-secret',
      DATABASE_URL: 'postgres://app:hunter2-password@db/x',
      REDIS_URL: 'http://:redis-password@cache',
      ENCRYPTION_KEY: 'not-hex-key-value',
      CRON_SECRET: 'tiny-cron',
      STRIPE_SECRET_KEY: 'pk_live_secretish',
      STRIPE_WEBHOOK_SECRET: 'wh-sec-plain',
    };
    const error = configurationErrorOf(() => parseEnvironment({ ...secrets, PORT: 'abc' }));
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      [...Object.keys(secrets), 'PORT'].sort(),
    );
    for (const value of Object.values(secrets)) expect(error.message).not.toContain(value);
    expect(error.message).not.toMatch(/hunter2|redis-password/);
    expect(error.problems.find((p) => p.startsWith('JWT_SECRET'))).toMatch(/32 characters.*not shown/);
    expect(error.problems.find((p) => p.startsWith('PORT'))).toContain('(got "abc")');
  });

  it('checks INBOUND_WEBHOOK_SECRETS at start-up without printing a secret', () => {
    const error = configurationErrorOf(() =>
      AppConfig.fromEnvironment({
        DATA_DIR: tempDataDir(),
        INBOUND_WEBHOOK_SECRETS: JSON.stringify({ ofsted: 'too-short-secret', 'Bad Name': 'x'.repeat(40) }),
      }),
    );
    expect(error.problems).toEqual([
      'INBOUND_WEBHOOK_SECRETS: the secret of "ofsted" must have at least 32 characters',
      'INBOUND_WEBHOOK_SECRETS: each integration name must be lower-case letters, digits, - or _ (max 40)',
    ]);
    expect(error.message).not.toContain('too-short-secret');
  });

  it('ignores variables it does not know', () => {
    expect(() => parseEnvironment({ PATH: '/usr/bin', SOMETHING_ELSE: '???' })).not.toThrow();
  });
});

describe(AppConfig.name, () => {
  describe(AppConfig.fromEnvironment.name, () => {
    it('turns map tiles off, or allows a provider with subdomains through the content policy', () => {
      const dataDir = tempDataDir();
      expect(AppConfig.fromEnvironment({ DATA_DIR: dataDir, MAP_TILE_URL: 'off' }).map.tileUrl).toBeNull();
      const custom = AppConfig.fromEnvironment({
        DATA_DIR: dataDir,
        MAP_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png',
      });
      expect(custom.map.tileOrigin).toBe('https://*.tiles.example');
    });

    it('runs embedded without any configuration: SQLite under DATA_DIR, outbox mail, demo data', () => {
      const dataDir = tempDataDir();
      const config = AppConfig.fromEnvironment({ DATA_DIR: dataDir });

      expect(config.nodeEnv).toBe('development');
      expect(config.host).toBe('127.0.0.1');
      expect(config.port).toBe(3000);
      expect(config.publicUrl).toBe('http://localhost:3000');
      expect(config.dataDir).toBe(resolve(dataDir));
      expect(config.database).toEqual({ type: 'sqlite', path: join(resolve(dataDir), 'childminder-connect.sqlite') });
      expect(config.isEmbedded).toBe(true);
      expect(config.migrateOnStart).toBe(true);
      expect(config.demoData).toBe(true);
      expect(config.redisUrl).toBeUndefined();
      expect(config.jobsEnabled).toBe(true);
      expect(config.cronSecret).toBeNull();
      expect(config.serveWeb).toBe(true);
      expect(config.mail).toEqual({ transport: 'outbox', fromName: 'Childminder Connect', maxAttempts: 8 });
      expect(config.map).toEqual({
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap contributors',
        tileOrigin: 'https://tile.openstreetmap.org',
      });
      expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(config.encryptionKey).toHaveLength(32);
    });

    it('keeps the generated secrets in DATA_DIR, so a restart reuses them', () => {
      const dataDir = tempDataDir();
      const first = AppConfig.fromEnvironment({ DATA_DIR: dataDir });
      expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);

      const second = AppConfig.fromEnvironment({ DATA_DIR: dataDir });
      expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
      expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);

      const other = AppConfig.fromEnvironment({ DATA_DIR: tempDataDir() });
      expect(other.auth.jwtSecret).not.toBe(first.auth.jwtSecret);
    });

    it('uses MySQL/MariaDB without demo data when DATABASE_URL is set', () => {
      const config = AppConfig.fromEnvironment({
        DATA_DIR: tempDataDir(),
        DATABASE_URL: 'mariadb://root@127.0.0.1:3306/childminder',
      });
      expect(config.database).toEqual({
        type: 'mysql',
        url: 'mysql://root@127.0.0.1:3306/childminder',
        flavour: 'mariadb',
      });
      expect(config.demoData).toBe(false);
    });

    it('reads sqlite:<file> as that SQLite file', () => {
      const dataDir = tempDataDir();
      const config = AppConfig.fromEnvironment({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${dataDir}/other.sqlite` });
      expect(config.database).toEqual({ type: 'sqlite', path: join(dataDir, 'other.sqlite') });
    });

    it('never loads demo data in production, even on the embedded database', () => {
      const config = AppConfig.fromEnvironment({
        NODE_ENV: 'production',
        DATA_DIR: tempDataDir(),
        JWT_SECRET: 'x'.repeat(48),
        ENCRYPTION_KEY: 'ab'.repeat(32),
      });
      expect(config.database.type).toBe('sqlite');
      expect(config.demoData).toBe(false);
      expect(config.isProduction).toBe(true);
    });

    it('refuses DEMO_DATA=true in production, naming the variable and why', () => {
      const error = configurationErrorOf(() =>
        AppConfig.fromEnvironment({
          NODE_ENV: 'production',
          DATA_DIR: tempDataDir(),
          JWT_SECRET: 'x'.repeat(48),
          ENCRYPTION_KEY: 'ab'.repeat(32),
          DEMO_DATA: 'true',
        }),
      );
      expect(error.problems).toEqual([
        expect.stringMatching(/^DEMO_DATA: must not be true when NODE_ENV=production \(/),
      ]);
    });

    it('refuses NODE_ENV=production without JWT_SECRET, naming it', () => {
      const error = configurationErrorOf(() =>
        AppConfig.fromEnvironment({
          NODE_ENV: 'production',
          DATA_DIR: tempDataDir(),
          ENCRYPTION_KEY: 'ab'.repeat(32),
        }),
      );
      expect(error.problems).toEqual([expect.stringMatching(/^JWT_SECRET: /)]);
    });

    it('refuses NODE_ENV=production without ENCRYPTION_KEY, naming it', () => {
      const error = configurationErrorOf(() =>
        AppConfig.fromEnvironment({
          NODE_ENV: 'production',
          DATA_DIR: tempDataDir(),
          JWT_SECRET: 'x'.repeat(48),
        }),
      );
      expect(error.problems).toEqual([expect.stringMatching(/^ENCRYPTION_KEY: /)]);
    });

    it('requires the Graph credentials when MAIL_TRANSPORT=graph, naming each', () => {
      const error = configurationErrorOf(() =>
        AppConfig.fromEnvironment({ DATA_DIR: tempDataDir(), MAIL_TRANSPORT: 'graph', GRAPH_TENANT_ID: 'tenant' }),
      );
      expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
        'GRAPH_CLIENT_ID',
        'GRAPH_CLIENT_SECRET',
        'GRAPH_SENDER',
      ]);
    });
  });
});
