import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '@app/bootstrap';
import { AppConfig } from '@app/config/app-config';
import { DatabaseMigrator } from '@app/database/database.module';
import { SettingsService } from '@app/modules/settings/settings.service';
import { testDialect } from '../../scripts/db-scratch';
import { Given } from '../factories/given';
import { Outbox } from './outbox';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** supertest against the running app: `api.http().get('/api/users/me')`. */
  http: () => ReturnType<typeof request>;
  given: Given;
  outbox: Outbox;
  close: () => Promise<void>;
}

/**
 * Boots the real application (same module graph, pipes, filters and guards as production)
 * against the run's database (MariaDB or SQLite, see global-setup.ts) and the local Redis. Jobs do
 * not fire on their own: tests run them directly so that outcomes are deterministic.
 */
/**
 * `describe` on MariaDB, `describe.skip` on SQLite, for the few stories that are about what only a
 * server database does (several instances sharing one database, row locks under contention).
 * Name why: every other story must pass on both dialects.
 */
export function describeOnMariaDbOnly(why: string): jest.Describe {
  if (!why.trim()) throw new Error('say why this story cannot run on SQLite');
  return testDialect() === 'mysql' ? describe : describe.skip;
}

/**
 * The two dialects' runs go side by side: each keeps its rate-limit counters and fan-out
 * channels in a Redis database of its own.
 */
function testRedisUrl(): string {
  return `redis://127.0.0.1:6379/${testDialect() === 'sqlite' ? 4 : 3}`;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmc-api-'));
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run API tests through jest --selectProjects api');
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? testRedisUrl(),
    PUBLIC_URL: 'http://localhost:4200',
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    SERVE_WEB: 'false',
    DB_MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    ...env,
  });
  const app = await createApp(config);
  // `DATABASE_URL: ''` runs the story on the embedded SQLite database: a fresh file, migrated as
  // the server does at start-up, before the modules start.
  if (config.database.type === 'sqlite') await app.get(DatabaseMigrator).migrate();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  // Every API test signs in from 127.0.0.1; keep the per-IP throttle out of stories that are
  // not about it (the throttle story sets its own limit).
  await app.get(SettingsService).set('auth.ipThrottle.maxFailures', 100_000, null);
  await app.get(SettingsService).set('auth.emailRequests.perIpPerHour', 100_000, null);
  await app.get(SettingsService).set('auth.googleSignIn.perIpPerHour', 100_000, null);
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    dataSource,
    http,
    given: new Given(app, http),
    outbox: new Outbox(dataSource),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
